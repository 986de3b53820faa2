import { guardPool, prismaAdapterFor } from "@atelier/db";
import pg from "pg";
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
  const adapter = prismaAdapterFor({ databaseUrl: opts.databaseUrl, poolMax: opts.poolMax });
  if (!opts.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const onQuery = opts.onQuery;
  client.$on("query", (event: Prisma.QueryEvent) => onQuery(event.query, Number(event.duration)));
  return client;
}

/**
 * The plain pg pool of the read loaders (see readInTenant). With `onQuery`, every statement its
 * connections send is reported, like Prisma's query events, so round-trip counts stay whole.
 */
export function createCreativeSqlPool(opts: CreativePrismaOptions & { onIdleError: (error: Error) => void }): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: opts.poolMax ?? 10,
    idleTimeoutMillis: 30_000,
    // As inTenant's maxWait: a request waits this long for a connection, then gets RATE_LIMITED.
    connectionTimeoutMillis: 10_000,
  });
  // A connection the server closed (restart, dropped database), idle or checked out, is replaced on next use.
  guardPool(pool, opts.onIdleError);
  const onQuery = opts.onQuery;
  if (onQuery) {
    pool.on("connect", (client) => {
      const query = client.query.bind(client) as (text: string, values?: unknown[]) => Promise<unknown>;
      (client as { query: unknown }).query = async (text: string, values?: unknown[]) => {
        const started = performance.now();
        try {
          return await query(text, values);
        } finally {
          onQuery(text, performance.now() - started);
        }
      };
    });
  }
  return pool;
}
