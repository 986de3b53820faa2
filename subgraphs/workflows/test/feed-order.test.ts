import { randomUUID } from "node:crypto";
import {
  createPrismaClient,
  createResilientPool,
  createTenantScope,
  oneRoundTripReads,
  withTenantSql,
} from "@atelier/db";
import { appendStreamEvent } from "@atelier/live-events";
import { systemActor } from "@atelier/subgraph-kit";
import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunEventReader } from "../src/data/run-event-store";
import { workspaceTopic } from "../src/engine/run-events";
import { PrismaClient } from "../src/generated/prisma/client";

let db: TestDatabase;
let pool: pg.Pool;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase("workflows");
  pool = createResilientPool({ connectionString: db.url, max: 4 }, () => {});
  prisma = createPrismaClient(PrismaClient, { databaseUrl: db.url });
});
afterAll(async () => {
  await prisma?.$disconnect();
  await pool?.end();
  await db?.drop();
});

/** Reads a workspace's feed in the tenant's scope, as workflowRunFeedEvents does. */
function readFeed(tenantId: string, workspaceId: string, after: number) {
  const scope = createTenantScope({ transactions: oneRoundTripReads(pool), actor: systemActor(tenantId, "test") });
  return scope.read((tx) => createRunEventReader(tx).feedAfter(workspaceId, after));
}

/** Appends one run event to the workspace feed in its own transaction, committing when `release` resolves. */
function appendRunEvent(tenantId: string, workspaceId: string, release: Promise<void>) {
  const runId = randomUUID();
  const done = withTenantSql(pool, tenantId, async (tx) => {
    await appendStreamEvent(tx, {
      schema: "workflows",
      streamId: runId,
      tenantId,
      type: "QUEUED",
      payload: { status: "QUEUED" },
      topics: [`workflowRunUpdated:${runId}`, workspaceTopic(workspaceId)],
      feed: workspaceTopic(workspaceId),
    });
    await release;
  });
  return { runId, done };
}

describe("a workspace feed's positions", () => {
  it("follow commit order, so an event committed after a later one was read is still read next", async () => {
    const tenantId = randomUUID();
    const workspaceId = randomUUID();
    let commitLate!: () => void;
    const late = appendRunEvent(tenantId, workspaceId, new Promise((resolve) => (commitLate = resolve)));
    await new Promise((r) => setTimeout(r, 200));
    const early = appendRunEvent(tenantId, workspaceId, Promise.resolve());
    await early.done;

    const firstRead = await readFeed(tenantId, workspaceId, 0);
    expect(firstRead.map((e) => [e.runId, e.sequence])).toEqual([[early.runId, 1]]);

    commitLate();
    await late.done;
    const nextRead = await readFeed(tenantId, workspaceId, firstRead.at(-1)!.sequence);
    expect(nextRead.map((e) => [e.runId, e.sequence])).toEqual([[late.runId, 2]]);
  });
});
