// @atelier/testing depends on this package, so it is resolved from the workspace rather than declared (a cycle).
import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResilientPool, isConnectionLoss, recordAuditEvent, withTenantSql } from "../src";

const TENANT = "5b8e1c2d-3f4a-4b6c-8d7e-9f0a1b2c3d4e";
let db: TestDatabase;
let admin: pg.Client;
beforeAll(async () => {
  db = await createTestDatabase("audit");
  admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await db?.drop();
});

/** What a failover or `pg_terminate_backend` does to one connection. */
const terminate = (pid: number) => admin.query("SELECT pg_terminate_backend($1)", [pid]);
const pidOf = async (tx: { $queryRawUnsafe<T>(q: string): Promise<T> }) =>
  (await tx.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid"))[0]!.pid;

describe("a database connection the server drops", () => {
  it("does not end the process while checked out and idle, and the pool hands out a working one", async () => {
    const errors: Error[] = [];
    const pool = createResilientPool({ connectionString: db.url, max: 1 }, (e) => errors.push(e));
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await terminate(rows[0]!.pid);
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    expect(isConnectionLoss(errors[0])).toBe(true);
    client.release(errors[0]);
    expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    await pool.end();
  });

  it("re-runs a write transaction cut off before COMMIT once, on a fresh connection", async () => {
    const pool = createResilientPool({ connectionString: db.url, max: 2 }, () => {});
    let attempts = 0;
    await withTenantSql(pool, TENANT, async (tx) => {
      attempts++;
      await recordAuditEvent(tx, {
        tenantId: TENANT,
        actorType: "SYSTEM",
        actorId: null,
        action: "test.retry",
        resourceType: "test",
        resourceId: "r1",
      });
      if (attempts === 1) await terminate(await pidOf(tx));
      await tx.$executeRawUnsafe("SELECT 1");
    });
    expect(attempts).toBe(2);
    const { rows } = await admin.query("SELECT count(*)::int AS n FROM audit.audit_events WHERE resource_id = 'r1'");
    expect(rows[0].n).toBe(1);
    await pool.end();
  });

  it("fails a transaction lost twice with an error recognised as a connection loss", async () => {
    const pool = createResilientPool({ connectionString: db.url, max: 2 }, () => {});
    const lostTwice = withTenantSql(pool, TENANT, async (tx) => {
      await terminate(await pidOf(tx));
      await tx.$executeRawUnsafe("SELECT 1");
    });
    const error = await lostTwice.catch((e: unknown) => e);
    expect(isConnectionLoss(error)).toBe(true);
    await pool.end();
  });
});
