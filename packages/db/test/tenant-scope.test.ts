// @atelier/testing depends on this package, so it is resolved from the workspace rather than declared (a cycle).
import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenantSql } from "../src";

const TENANT = "7d3f2a9e-1c4b-4e5a-9f60-2b8c7d1e0a11";
let db: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  db = await createTestDatabase("audit");
  pool = new pg.Pool({ connectionString: db.url, max: 1 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe("withTenantSql", () => {
  it("binds the tenant and the row-level-security role for the transaction only", async () => {
    const seen = await withTenantSql(pool, TENANT, (tx) =>
      tx.$queryRawUnsafe<{ tenant: string; role: string }[]>(
        "SELECT current_setting('app.tenant_id') AS tenant, current_user AS role",
      ),
    );
    expect(seen).toEqual([{ tenant: TENANT, role: "atelier_app" }]);
    const after = await pool.query("SELECT current_setting('app.tenant_id', true) AS tenant, current_user AS role");
    expect(after.rows[0]).toEqual({ tenant: "", role: "postgres" });
  });

  it("rolls back on error and hands the connection on clean", async () => {
    await pool.query("CREATE TABLE IF NOT EXISTS public.notes (body text)");
    await pool.query("GRANT ALL ON public.notes TO atelier_app");
    await expect(
      withTenantSql(pool, TENANT, async (tx) => {
        await tx.$executeRawUnsafe("INSERT INTO public.notes VALUES ($1)", ["lost"]);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await pool.query("SELECT count(*)::int AS n FROM public.notes")).rows[0].n).toBe(0);
    expect((await pool.query("SELECT current_user AS role")).rows[0].role).toBe("postgres");
  });

  it("refuses writes in a read-only transaction and ids that are not UUIDs", async () => {
    await expect(
      withTenantSql(pool, TENANT, (tx) => tx.$executeRawUnsafe("INSERT INTO public.notes VALUES ('x')"), {
        readOnly: true,
      }),
    ).rejects.toThrow(/read-only transaction/);
    await expect(withTenantSql(pool, "x'; DROP TABLE notes; --", async () => 1)).rejects.toThrow("not a tenant id");
  });
});
