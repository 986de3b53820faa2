import { PrismaPg } from "@prisma/adapter-pg";

export interface PrismaClientOptions {
  databaseUrl: string;
  /** Connections in this service's pool. */
  poolMax?: number;
}

// biome-ignore lint/suspicious/noExplicitAny: each subgraph passes its own generated PrismaClient class
type PrismaClientClass<T> = new (options: { adapter: any }) => T;

/** One pooled Prisma client per service process, over node-postgres. */
export function createPrismaClient<T>(PrismaClient: PrismaClientClass<T>, opts: PrismaClientOptions): T {
  const adapter = new PrismaPg({
    connectionString: opts.databaseUrl,
    max: opts.poolMax ?? 10,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}
