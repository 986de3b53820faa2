import type { PrismaPg } from "@prisma/adapter-pg";
import { createResilientPool } from "./connection-loss";
import { ReleasingPrismaPg } from "./releasing-adapter";

export interface PrismaClientOptions {
  databaseUrl: string;
  /** Connections in this service's pool. */
  poolMax?: number;
  /** A connection the server dropped (idle or checked out); it is discarded, never fatal. */
  onConnectionError?: (error: Error) => void;
}

// biome-ignore lint/suspicious/noExplicitAny: each subgraph passes its own generated PrismaClient class
type PrismaClientClass<T> = new (options: { adapter: any }) => T;

/**
 * Prisma's pg adapter over a guarded pool (see guardPool): a dropped connection never ends the
 * process, and a transaction whose connection was lost gives it back (see ReleasingPrismaPg).
 */
export function prismaAdapterFor(opts: PrismaClientOptions): PrismaPg {
  const pool = createResilientPool(
    { connectionString: opts.databaseUrl, max: opts.poolMax ?? 10, idleTimeoutMillis: 30_000 },
    opts.onConnectionError ?? (() => {}),
  );
  return new ReleasingPrismaPg(pool, { disposeExternalPool: true });
}

/** One pooled Prisma client per service process, over node-postgres. */
export function createPrismaClient<T>(PrismaClient: PrismaClientClass<T>, opts: PrismaClientOptions): T {
  return new PrismaClient({ adapter: prismaAdapterFor(opts) });
}
