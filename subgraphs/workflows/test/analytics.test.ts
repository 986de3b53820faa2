import { colleague, newTenantUser } from "@atelier/testing";
import pg from "pg";
import { describe, expect } from "vitest";
import { workflowsTest as test, type WorkflowsSubgraph } from "./fixture";
import { createWorkflow, startRun, waitForStatus } from "./workflow-runs";

let h: WorkflowsSubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

const WORKSPACE = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Workspace {
  id
  workflowAnalytics { executionsTotal succeeded failed averageDurationMs uniqueUsers lastExecutionAt }
  workflowRuns(first: 10) { edges { node { id status startedBy { id } } } }
} } }`;

describe("studio analytics on creative's Workspace entity", () => {
  test("counts executions, outcomes, average duration, unique users and the last execution per workspace", async () => {
    const alice = newTenantUser();
    const bob = colleague(alice, "EDITOR");
    const good = await createWorkflow(h, alice);
    const bad = await createWorkflow(h, alice, {
      workspaceId: good.workspaceId,
      steps: [{ key: "down", type: "HTTP_REQUEST", config: { url: "http://127.0.0.1:1/", timeoutMs: 1000 } }],
    });
    const runs = [await startRun(h, alice, good.id), await startRun(h, bob, good.id), await startRun(h, bob, bad.id)];
    await waitForStatus(h, alice, runs[0]!.id, "SUCCEEDED");
    await waitForStatus(h, alice, runs[1]!.id, "SUCCEEDED");
    await waitForStatus(h, alice, runs[2]!.id, "FAILED");
    const [workspace] = (await h.ok(alice, WORKSPACE, { reps: [{ __typename: "Workspace", id: good.workspaceId }] }))
      ._entities;
    expect(workspace.workflowAnalytics).toMatchObject({ executionsTotal: 3, succeeded: 2, failed: 1, uniqueUsers: 2 });
    expect(workspace.workflowAnalytics.averageDurationMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(workspace.workflowAnalytics.lastExecutionAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(workspace.workflowRuns.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(
      runs.map((r) => r.id).sort(),
    );
    expect(
      workspace.workflowRuns.edges.find((e: { node: { id: string } }) => e.node.id === runs[1]!.id).node.startedBy,
    ).toEqual({ id: bob.userId });

    const stranger = newTenantUser();
    const [seen] = (await h.ok(stranger, WORKSPACE, { reps: [{ __typename: "Workspace", id: good.workspaceId }] }))
      ._entities;
    expect(seen.workflowAnalytics).toMatchObject({
      executionsTotal: 0,
      succeeded: 0,
      failed: 0,
      uniqueUsers: 0,
      averageDurationMs: null,
    });
    expect(seen.workflowRuns.edges).toEqual([]);
  });

  test("writes one audit event per mutation, in the tenant", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice);
    const run = await startRun(h, alice, wf.id);
    await waitForStatus(h, alice, run.id, "SUCCEEDED");
    const client = new pg.Client({ connectionString: h.db.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT action, resource_id, actor_id FROM audit.audit_events WHERE tenant_id = $1 ORDER BY created_at, action`,
      [alice.tenantId],
    );
    await client.end();
    expect(rows.map((r) => r.action)).toEqual(["workflow.create", "workflowRun.start"]);
    expect(rows[1]).toMatchObject({ resource_id: run.id, actor_id: alice.userId });
  });
});
