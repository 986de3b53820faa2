// @atelier/testing depends on this package, so it is resolved from the workspace rather than declared (a cycle).
import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInTenantSql, readManyInTenantSql, tenantReader } from "../src";

const TENANT = "7d3f2a9e-1c4b-4e5a-9f60-2b8c7d1e0a11";
let db: TestDatabase;
let pool: pg.Pool;
let messages = 0;
beforeAll(async () => {
  db = await createTestDatabase("audit");
  pool = new pg.Pool({ connectionString: db.url, max: 1 });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      messages++;
      return query(...args);
    };
  });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe("readInTenantSql", () => {
  it("reads bound to the tenant and the row-level-security role, in one round trip", async () => {
    await pool.query("SELECT 1"); // opens the connection
    messages = 0;
    const rows = await readInTenantSql<{ tenant: string; role: string; ro: string }>(
      pool,
      TENANT,
      "SELECT current_setting('app.tenant_id') AS tenant, current_user AS role, current_setting('transaction_read_only') AS ro",
    );
    expect(rows).toEqual([{ tenant: TENANT, role: "atelier_app", ro: "on" }]);
    expect(messages).toBe(1);
    const after = await pool.query("SELECT current_setting('app.tenant_id', true) AS tenant, current_user AS role");
    expect(after.rows[0]).toEqual({ tenant: "", role: "postgres" });
  });

  it("runs several statements in one transaction and one round trip", async () => {
    messages = 0;
    const [first, second] = await readManyInTenantSql(pool, TENANT, [
      { text: "SELECT txid_current_if_assigned() IS NULL AS fresh, now() AS at, $1::int AS n", values: [1] },
      { text: "SELECT now() AS at, current_user AS role, $1::int AS n", values: [2] },
    ]);
    expect(messages).toBe(1);
    expect(first![0]!.n).toBe(1);
    expect(second![0]).toMatchObject({ role: "atelier_app", n: 2, at: first![0]!.at });
  });

  it("sends values as escaped literals of the same types as bound parameters", async () => {
    const hostile = `it's \\ a "test"; DROP TABLE x; --`;
    const when = new Date("2026-01-02T03:04:05.678Z");
    const rows = await readInTenantSql<{ text: string; ids: string[]; n: number; at: Date; missing: null }>(
      pool,
      TENANT,
      `SELECT $1::text AS text, $2::uuid[]::text[] AS ids, $3::int AS n, $4::timestamptz AS at, $5::text AS missing`,
      [hostile, [TENANT, TENANT], 11, when, null],
    );
    expect(rows).toEqual([{ text: hostile, ids: [TENANT, TENANT], n: 11, at: when, missing: null }]);
  });

  it("refuses writes, several statements and ids that are not UUIDs, and hands the connection on clean", async () => {
    await pool.query("CREATE TABLE IF NOT EXISTS public.read_notes (body text)");
    await expect(
      tenantReader(pool, TENANT).$executeRawUnsafe("INSERT INTO public.read_notes VALUES ($1)", "x"),
    ).rejects.toThrow(/read-only transaction/);
    await expect(readInTenantSql(pool, TENANT, "SELECT 1; SELECT 2")).rejects.toThrow("one statement only");
    await expect(readInTenantSql(pool, "x'; DROP TABLE notes; --", "SELECT 1")).rejects.toThrow("not a tenant id");
    const after = await pool.query("SELECT current_user AS role, current_setting('transaction_read_only') AS ro");
    expect(after.rows[0]).toEqual({ role: "postgres", ro: "off" });
  });
});
