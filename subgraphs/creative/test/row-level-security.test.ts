import { randomUUID } from "node:crypto";
import type { SqlTx } from "@atelier/db";
import { member } from "@atelier/testing";
import { describe, expect } from "vitest";
import type { Db } from "../src/data/db";
import { type CreativeSubgraph, creativeTest } from "./fixture";
import { makeWorkspace } from "./seeds";

const test = creativeTest.with({ env: { RUN_WORKER: "false" } });

describe("row-level security", () => {
  let creative: CreativeSubgraph;
  test.beforeAll(async ({ subgraph }) => {
    creative = subgraph;
  });

  test("hides other tenants' rows from a tenant-bound transaction even without a tenant filter", async () => {
    const t1 = randomUUID();
    const t2 = randomUUID();
    await makeWorkspace(creative, member(t1), "one");
    await makeWorkspace(creative, member(t2), "two");
    const { createCreativeScope } = await import("../src/scope/creative-scope");
    const { systemActor } = await import("@atelier/subgraph-kit");
    const scope = createCreativeScope(creative.service.services, () => systemActor(t1, "test"));
    const inTenant = <R>(_: unknown, __: string, fn: (tx: Db) => Promise<R>) => scope.write(({ db }) => fn(db));
    const names = await inTenant(
      creative.service.services,
      t1,
      (tx) =>
        tx.$queryRaw<
          { name: string; role: string }[]
        >`SELECT name, current_user::text AS role FROM creative.workspaces`,
    );
    expect(names).toEqual([{ name: "one", role: "atelier_app" }]);
    const insert = await inTenant(
      creative.service.services,
      t1,
      (tx) =>
        tx.$executeRaw`INSERT INTO creative.workspaces (id, "tenantId", name, "updatedAt") VALUES (gen_random_uuid(), ${t2}::uuid, 'sneaky', now())`,
    ).catch((error: Error) => error);
    expect(String(insert)).toMatch(/row-level security/);
  });

  test("binds the loaders' plain-pg reads (one round trip each) to the tenant, read-only", async () => {
    const t1 = randomUUID();
    const t2 = randomUUID();
    await makeWorkspace(creative, member(t1), "mine");
    await makeWorkspace(creative, member(t2), "theirs");
    const { createCreativeScope } = await import("../src/scope/creative-scope");
    const { loaderReads } = await import("../src/scope/tenant-transactions");
    const { systemActor } = await import("@atelier/subgraph-kit");
    const reads = createCreativeScope(creative.service.services, () => systemActor(t1, "test")).using(
      loaderReads(creative.service.services.sql),
    );
    const readInTenant = <R>(_: unknown, __: string, fn: (tx: SqlTx) => Promise<R>) => reads.read(({ db }) => fn(db));
    const rows = await readInTenant(creative.service.services, t1, (tx) =>
      tx.$queryRawUnsafe<{ name: string; role: string }[]>(
        "SELECT name, current_user::text AS role FROM creative.workspaces",
      ),
    );
    expect(rows).toEqual([{ name: "mine", role: "atelier_app" }]);
    const write = await readInTenant(creative.service.services, t1, (tx) =>
      tx.$executeRawUnsafe(`UPDATE creative.workspaces SET name = 'renamed' WHERE "tenantId" = $1::uuid`, t1),
    ).catch((error: Error) => error);
    expect(String(write)).toMatch(/read-only transaction/);
    // The connection went back to the pool clean: a plain query on it is neither tenant-bound nor read-only.
    const after = await creative.service.services.sql.query("SELECT current_setting('app.tenant_id', true) AS t");
    expect(after.rows[0].t || null).toBeNull();
  });
});
