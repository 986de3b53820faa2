// @atelier/testing depends on this package, so it is resolved from the workspace rather than declared (a cycle).
import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantScope, oneRoundTripReads, type ScopeActor, sqlTransactions } from "../src";

const A = "7d3f2a9e-1c4b-4e5a-9f60-2b8c7d1e0a11";
const B = "0b6c1f2e-8a3d-4c5b-9e7f-1a2b3c4d5e6f";
const actor = (tenantId: string): ScopeActor => ({
  tenantId,
  actorType: "USER",
  actorId: "5f1e2d3c-4b5a-4678-9abc-def012345678",
  requestId: "req-1",
});

let db: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  db = await createTestDatabase("audit");
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
  await pool.query(`CREATE TABLE public.items (tenant_id uuid NOT NULL, name text NOT NULL);
    ALTER TABLE public.items ENABLE ROW LEVEL SECURITY;
    CREATE POLICY items_tenant ON public.items USING (tenant_id = current_setting('app.tenant_id')::uuid);
    GRANT ALL ON public.items TO atelier_app`);
  await pool.query(`INSERT INTO public.items VALUES ('${B}', 'b-secret')`);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

function scopeOf(tenantId: string, published: unknown[][] = []) {
  return createTenantScope<import("../src").SqlTx, string>({
    transactions: sqlTransactions(pool),
    actor: actor(tenantId),
    publish: async (notices) => void published.push(notices),
  });
}

describe("a tenant scope", () => {
  it("reads under row-level security: another tenant's rows are invisible even without a filter", async () => {
    const scope = scopeOf(A);
    await scope.write(async (tx) => {
      await tx.db.$executeRawUnsafe("INSERT INTO public.items VALUES ($1, 'a-own')", tx.tenantId);
    });
    const rows = await scope.read((tx) => tx.db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM public.items"));
    expect(rows.map((r) => r.name)).toEqual(["a-own"]);
    const viaLoader = await scope
      .using(oneRoundTripReads(pool))
      .read((tx) => tx.db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM public.items"));
    expect(viaLoader.map((r) => r.name)).toEqual(["a-own"]);
  });

  it("writes its audit rows in the change's transaction and publishes only after commit", async () => {
    const published: unknown[][] = [];
    const scope = scopeOf(A, published);
    await scope.write(async (tx) => {
      await tx.db.$executeRawUnsafe("INSERT INTO public.items VALUES ($1, 'audited')", tx.tenantId);
      tx.audit({ action: "item.create", resourceType: "Item", resourceId: "audited", changes: { n: 1 } });
      tx.publish("item-created");
    });
    await new Promise((r) => setImmediate(r));
    expect(published).toEqual([["item-created"]]);
    const audit = await pool.query("SELECT tenant_id, actor_type, action, request_id, changes FROM audit.audit_events");
    expect(audit.rows).toEqual([
      { tenant_id: A, actor_type: "USER", action: "item.create", request_id: "req-1", changes: { n: 1 } },
    ]);
  });

  it("on failure keeps nothing: no row, no audit row, no notice, no after-commit effect", async () => {
    const published: unknown[][] = [];
    let effects = 0;
    await expect(
      scopeOf(A, published).write(async (tx) => {
        await tx.db.$executeRawUnsafe("INSERT INTO public.items VALUES ($1, 'lost')", tx.tenantId);
        tx.audit({ action: "item.create", resourceType: "Item", resourceId: "lost" });
        tx.publish("lost");
        tx.afterCommit(() => effects++);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(published).toEqual([]);
    expect(effects).toBe(0);
    expect((await pool.query("SELECT count(*)::int AS n FROM public.items WHERE name = 'lost'")).rows[0].n).toBe(0);
    expect(
      (await pool.query("SELECT count(*)::int AS n FROM audit.audit_events WHERE resource_id = 'lost'")).rows[0].n,
    ).toBe(0);
  });

  it("reads are read-only transactions", async () => {
    await expect(
      scopeOf(A).read((tx) => tx.db.$executeRawUnsafe("INSERT INTO public.items VALUES ($1, 'x')", tx.tenantId)),
    ).rejects.toThrow(/read-only transaction/);
    await expect(
      scopeOf(A)
        .using(oneRoundTripReads(pool))
        .write(async () => 1),
    ).rejects.toThrow(/only reads/);
  });
});
