import { PrismaPg } from "@prisma/adapter-pg";
import { type Prisma, PrismaClient } from "../generated/prisma/client";

/** A Prisma client or an interactive transaction: data functions work with either. */
export type Db = Prisma.TransactionClient;

export interface CreativePrismaOptions {
  databaseUrl: string;
  poolMax?: number;
  /** Called once per SQL statement sent to Postgres (round-trip counting in tests and benches). */
  onQuery?: (sql: string, durationMs: number) => void;
}

/**
 * Like @atelier/db createPrismaClient, plus Prisma's query events when asked for, so tests
 * can count database round trips.
 */
export function createCreativePrisma(opts: CreativePrismaOptions): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: opts.databaseUrl,
    max: opts.poolMax ?? 10,
    idleTimeoutMillis: 30_000,
  });
  if (!opts.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const onQuery = opts.onQuery;
  client.$on("query", (event: Prisma.QueryEvent) => onQuery(event.query, Number(event.duration)));
  return client;
}
