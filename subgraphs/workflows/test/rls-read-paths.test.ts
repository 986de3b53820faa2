import { randomBytes, randomUUID } from "node:crypto";
import type { Identity } from "@atelier/internal-auth";
import { type AnyData, callerFor, newTenantUser, testKeys, type UserIdentity } from "@atelier/testing";
import pg from "pg";
import { describe, expect } from "vitest";
import { loadWorkflowsConfig } from "../src/config";
import { createWorkflowsService } from "../src/server";
import { workflowsTest as test, type WorkflowsSubgraph } from "./fixture";
import { type Seeded, seedTenantRows } from "./rls-seed";

type Service = Awaited<ReturnType<typeof createWorkflowsService>>;
const ok = (to: { url: string }, who: Identity, query: string, variables: Record<string, unknown> = {}) =>
  callerFor(to.url, who).ok<AnyData>(query, variables);

/**
 * Every read path of the subgraph, run for tenant A by a service whose database role owns the
 * tables under FORCE ROW LEVEL SECURITY (not a superuser, which RLS never binds), while tenant B
 * has the same rows in the same workspace. A read that escaped its tenant scope would see none
 * of A's rows (the policies fail closed without `app.tenant_id`); one that lost its tenant filter
 * would see B's. Either fails here.
 */

const TABLES = [
  "WorkflowTemplate",
  "Workflow",
  "WorkflowStep",
  "WorkflowRun",
  "StepRun",
  "RunLog",
  "stream_events",
  "KanbanBoard",
  "KanbanStage",
  "KanbanCard",
  "CardFieldDefinition",
  "StageTrigger",
];
const workspaceId = randomUUID();
const alice: UserIdentity = newTenantUser("OWNER");
const bob: UserIdentity = newTenantUser("OWNER");
const role = `wfl_rls_${randomBytes(4).toString("hex")}`;

let h: WorkflowsSubgraph;
let bound: Service;
let admin: pg.Client;
let boundUrl: string;
let a: Seeded;
let b: Seeded;

/** The service's own role becomes a plain login that owns the tables, with RLS forced on them. */
async function bindServiceRole(url: string): Promise<string> {
  await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER; GRANT atelier_app TO ${role}`);
  await admin.query(`GRANT CREATE ON DATABASE "${new URL(url).pathname.slice(1)}" TO ${role}`);
  await admin.query(`DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname IN ('workflows', 'jobs_workflows', 'audit') AND c.relkind IN ('r', 'p') LOOP
      EXECUTE format('ALTER TABLE %I.%I OWNER TO ${role}', r.nspname, r.relname);
    END LOOP;
    ALTER SCHEMA workflows OWNER TO ${role};
    ALTER SCHEMA jobs_workflows OWNER TO ${role};
    ALTER SCHEMA audit OWNER TO ${role};
  END $$`);
  for (const table of TABLES) await admin.query(`ALTER TABLE workflows."${table}" FORCE ROW LEVEL SECURITY`);
  const bound = new URL(url);
  bound.username = role;
  return bound.toString();
}

test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  admin = new pg.Client({ connectionString: h.db.url });
  await admin.connect();
  a = await seedTenantRows(h, alice, workspaceId);
  b = await seedTenantRows(h, bob, workspaceId);
  boundUrl = await bindServiceRole(h.db.url);
  await admin.end();
  bound = await createWorkflowsService(
    loadWorkflowsConfig({
      DATABASE_URL: boundUrl,
      INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: h.env.LOG_LEVEL ?? "silent",
      RUN_WORKER: "false",
    }),
  );
});

test.afterAll(async () => {
  await bound?.stop();
  // The tables go back to the test database's owner, so the role can go before the database does.
  await h.sql.query(`REASSIGN OWNED BY ${role} TO CURRENT_USER; DROP OWNED BY ${role}`);
  const cleanup = new pg.Client({ connectionString: new URL("/postgres", h.db.url).toString() });
  await cleanup.connect();
  await cleanup.query(`DROP ROLE IF EXISTS ${role}`).catch(() => {});
  await cleanup.end();
});

/** Runs a read as tenant A on the RLS-bound service: it must name `expected` and none of B's rows. */
async function readAsA(query: string, variables: Record<string, unknown>, expected: string[]) {
  const data = await ok(bound, alice, query, variables);
  const json = JSON.stringify(data);
  for (const id of expected) expect(json, `${query} should show ${id}`).toContain(id);
  for (const id of b.ids) expect(json, `${query} leaks tenant B's ${id}`).not.toContain(id);
  return data;
}

describe("read paths under forced row-level security", () => {
  test("binds the service's role: outside a tenant scope it reads nothing", async () => {
    const probe = new pg.Client({ connectionString: boundUrl });
    await probe.connect();
    try {
      const { rows } = await probe.query(`SELECT count(*)::int AS n FROM workflows."WorkflowRun"`);
      expect(rows[0].n).toBe(0);
    } finally {
      await probe.end();
    }
  });

  test("templates and workflows, with their steps and template", async () => {
    await readAsA(`query($id: ID!) { workflowTemplate(id: $id) { id isSystem steps { key } } }`, { id: a.template }, [
      a.template,
    ]);
    await readAsA(`query { workflowTemplates(includeInactive: true) { edges { node { id } } } }`, {}, [a.template]);
    await readAsA(
      `query($id: ID!) { workflow(id: $id) { id template { id } steps { key type } createdBy { id } } }`,
      { id: a.workflow },
      [a.workflow, "gate"],
    );
    await readAsA(`query { workflows { edges { node { id steps { key } } } } }`, {}, [a.workflow, a.cardWorkflow]);
    await readAsA(`query($w: ID) { workflows(workspaceId: $w) { edges { node { id } } } }`, { w: workspaceId }, [
      a.workflow,
      a.cardWorkflow,
    ]);
  });

  test("runs, with their workflow, step runs, logs, trigger card and events", async () => {
    const run = await readAsA(
      `query($id: ID!) { workflowRun(id: $id) { id status workflow { id } stepRuns { stepKey status }
         logs { edges { node { message } } } triggerCard { id stage { id } } startedBy { id } } }`,
      { id: a.triggeredRun },
      [a.triggeredRun, a.cardWorkflow, a.card, a.stages[1]!],
    );
    expect(run.workflowRun.stepRuns).toEqual([{ stepKey: "t1", status: "SUCCEEDED" }]);
    expect(run.workflowRun.logs.edges.map((e: { node: { message: string } }) => e.node.message)).toContain(
      "run succeeded",
    );
    const paused = await readAsA(
      `query($id: ID!) { workflowRun(id: $id) { id status stepRuns { stepKey status } } }`,
      { id: a.pausedRun },
      [a.pausedRun],
    );
    expect(paused.workflowRun.stepRuns.map((s: { stepKey: string }) => s.stepKey)).toEqual(["t1", "gate"]);
    await readAsA(`query { workflowRuns { edges { node { id workflow { id } } } } }`, {}, [
      a.pausedRun,
      a.triggeredRun,
    ]);
    await readAsA(
      `query($w: ID) { workflowRuns(workflowId: $w, status: PAUSED) { edges { node { id } } } }`,
      { w: a.workflow },
      [a.pausedRun],
    );
    const events = await readAsA(
      `query($r: ID!) { workflowRunEvents(runId: $r) { sequence type run { id status } } }`,
      { r: a.pausedRun },
      [a.pausedRun],
    );
    expect(events.workflowRunEvents.map((e: { type: string }) => e.type)).toContain("PAUSED");
    const feed = await readAsA(
      `query($w: ID!) { workflowRunFeedEvents(workspaceId: $w) { sequence type run { id } } }`,
      { w: workspaceId },
      [a.pausedRun, a.triggeredRun],
    );
    expect(feed.workflowRunFeedEvents.length).toBeGreaterThan(0);
  });

  test("boards, stages, cards, triggers and field definitions", async () => {
    const nested = `id stages { id cards { id stage { id } } triggers { id workflow { id } } }`;
    await readAsA(
      `query($w: ID!) { kanbanBoards(workspaceId: $w) { edges { node { ${nested} } } } }`,
      { w: workspaceId },
      [a.board, ...a.stages, a.card, a.trigger, a.cardWorkflow],
    );
    await readAsA(`query($id: ID!) { kanbanBoard(id: $id) { ${nested} } }`, { id: a.board }, [
      a.board,
      ...a.stages,
      a.card,
      a.trigger,
    ]);
    await readAsA(`query($id: ID!) { kanbanCard(id: $id) { id fields stage { id } } }`, { id: a.card }, [
      a.card,
      a.stages[1]!,
    ]);
    await readAsA(`query($w: ID!) { cardFieldDefinitions(workspaceId: $w) { id name } }`, { w: workspaceId }, [
      a.fieldDefinition,
    ]);
  });

  test("the workspace entity's analytics and runs", async () => {
    const data = await readAsA(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Workspace {
         workflowAnalytics { executionsTotal succeeded uniqueUsers } workflowRuns { edges { node { id } } } } } }`,
      { r: [{ __typename: "Workspace", id: workspaceId }] },
      [a.pausedRun, a.triggeredRun],
    );
    expect(data._entities[0].workflowAnalytics).toEqual({ executionsTotal: 2, succeeded: 1, uniqueUsers: 1 });
  });

  test("another tenant's ids find nothing", async () => {
    const q = (query: string, variables: Record<string, unknown>) => ok(bound, alice, query, variables);
    expect((await q(`query($id: ID!) { workflowRun(id: $id) { id } }`, { id: b.pausedRun })).workflowRun).toBeNull();
    expect((await q(`query($id: ID!) { workflow(id: $id) { id } }`, { id: b.workflow })).workflow).toBeNull();
    expect((await q(`query($id: ID!) { kanbanBoard(id: $id) { id } }`, { id: b.board })).kanbanBoard).toBeNull();
    expect((await q(`query($id: ID!) { kanbanCard(id: $id) { id } }`, { id: b.card })).kanbanCard).toBeNull();
    expect(
      (await q(`query($id: ID!) { workflowTemplate(id: $id) { id } }`, { id: b.template })).workflowTemplate,
    ).toBeNull();
  });
});
