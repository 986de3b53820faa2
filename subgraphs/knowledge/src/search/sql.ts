import type pg from "pg";

/**
 * The plain pg pool search reads through outside a tenant transaction (see `keywordSearch`);
 * tenant-bound reads use `withTenantSql` (@atelier/db) on the same pool. Search skips Prisma: an interactive
 * transaction with one raw query cost about ten times as much through it (1–2 ms at the median,
 * 4–9 ms at p95 on the busy 2-core machine, against 0.15 and 0.5 ms), most of a search's overhead.
 */
export type Sql = Pick<pg.Pool, "query">;
