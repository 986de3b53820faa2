// @atelier/testing depends on this package, so it is resolved from the workspace rather than declared (a cycle).
import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, isConnectionLoss, recordAuditEvent, withTenant } from "../src";
import { PrismaClient } from "../src/generated/audit/client";

const TENANT = "6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
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

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
const pidOf = async (tx: Tx) => (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
/** What a failover or `pg_terminate_backend` does to one connection; returns once the backend is gone. */
async function terminate(pid: number): Promise<void> {
  await admin.query("SELECT pg_terminate_backend($1)", [pid]);
  await expect
    .poll(async () => (await admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid])).rowCount)
    .toBe(0);
}
const audit = (tx: Tx, resourceId: string) =>
  recordAuditEvent(tx, {
    tenantId: TENANT,
    actorType: "SYSTEM",
    actorId: null,
    action: "test.prisma-loss",
    resourceType: "test",
    resourceId,
  });
const rowsFor = async (resourceId: string) =>
  (await admin.query("SELECT count(*)::int AS n FROM audit.audit_events WHERE resource_id = $1", [resourceId])).rows[0]
    .n;
/** `$disconnect()` ends the pool, which waits for every checked-out connection: a leaked one hangs it. */
async function disconnectsWithin(prisma: PrismaClient, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = await Promise.race([prisma.$disconnect().then(() => true), timedOut]);
  clearTimeout(timer);
  return done;
}

describe("a Prisma transaction whose database connection is lost", () => {
  it("re-runs a write cut off before COMMIT once on a fresh connection, and hands its connection back", async () => {
    // One connection: the retry, and every later query, needs the lost one back in the pool.
    const prisma = createPrismaClient(PrismaClient, { databaseUrl: db.url, poolMax: 1 });
    let attempts = 0;
    await withTenant(prisma, TENANT, async (tx) => {
      attempts++;
      await audit(tx, "before-commit");
      if (attempts === 1) await terminate(await pidOf(tx));
      await tx.$executeRaw`SELECT 1`;
    });
    expect(attempts).toBe(2);
    expect(await rowsFor("before-commit")).toBe(1);
    expect(await prisma.auditEvent.count({ where: { resourceId: "before-commit" } })).toBe(1);
    expect(await disconnectsWithin(prisma, 3_000)).toBe(true);
  });

  it("fails a statement cut off in flight on every attempt with an error recognised as a connection loss", async () => {
    const prisma = createPrismaClient(PrismaClient, { databaseUrl: db.url, poolMax: 2 });
    // More losses than connections: each must come back to the pool, or the next one waits for ever.
    for (let i = 0; i < 3; i++) {
      const error = await withTenant(prisma, TENANT, async (tx) => {
        const pid = await pidOf(tx);
        const killing = new Promise((resolve) => setTimeout(resolve, 100)).then(() => terminate(pid));
        await Promise.all([tx.$executeRaw`SELECT pg_sleep(5)`, killing]);
      }).catch((e: unknown) => e);
      // Prisma reports it as "Raw query failed. Code: `57P01`" around the adapter's error.
      expect(error).toMatchObject({ code: "P2010" });
      expect(isConnectionLoss(error)).toBe(true);
    }
    expect(await prisma.auditEvent.count()).toBeGreaterThanOrEqual(0);
    expect(await disconnectsWithin(prisma, 3_000)).toBe(true);
  });

  it("does not re-run a write whose COMMIT was cut off, and reports it as a connection loss", async () => {
    const prisma = createPrismaClient(PrismaClient, { databaseUrl: db.url, poolMax: 1 });
    let attempts = 0;
    const error = await withTenant(prisma, TENANT, async (tx) => {
      attempts++;
      await audit(tx, "at-commit");
      await terminate(await pidOf(tx));
    }).catch((e: unknown) => e);
    expect(attempts).toBe(1);
    expect(isConnectionLoss(error)).toBe(true);
    expect(await rowsFor("at-commit")).toBe(0);
    expect(await prisma.auditEvent.count({ where: { resourceId: "at-commit" } })).toBe(0);
    expect(await disconnectsWithin(prisma, 3_000)).toBe(true);
  });
});

describe("isConnectionLoss on Prisma's driver-adapter errors", () => {
  it("reads the adapter's error kind under a message that names no loss, and nothing else", () => {
    const wrapped = (cause: object) => ({
      code: "P2010",
      message: "Raw query failed. Code: `N/A`. Message: `Error in external connector (id 1)`",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
    });
    expect(isConnectionLoss(wrapped({ kind: "ConnectionClosed" }))).toBe(true);
    expect(isConnectionLoss(wrapped({ kind: "postgres", originalCode: "57P01" }))).toBe(true);
    expect(isConnectionLoss(wrapped({ kind: "UniqueConstraintViolation", originalCode: "23505" }))).toBe(false);
    expect(isConnectionLoss(wrapped({ kind: "SocketTimeout" }))).toBe(false);
  });
});
