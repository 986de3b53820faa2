import pg from "pg";
import { gql, ok, signUp } from "../../test/support/client";
import type { Stack } from "../../test/support/stack";

const CREATE_WORKSPACE = `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } } }`;
const CREATE_WORKFLOW = `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } } }`;
export const START_RUN = `mutation($input: StartWorkflowRunInput!) { startWorkflowRun(input: $input) { run { id } } }`;

export interface Workspace {
  token: string;
  tenantId: string;
  workspaceId: string;
  workflowId: string;
}

/** A new tenant with one workspace and a one-step workflow (QUEUED, STARTED?, step, SUCCEEDED). */
export async function seedWorkspace(stack: Stack, name: string): Promise<Workspace> {
  const owner = await signUp(stack.url(), name);
  const ws = await ok(stack.url(), CREATE_WORKSPACE, { input: { name: `${name} ${Date.now()}` } }, owner.token);
  const workspaceId = ws.createWorkspace.workspace.id as string;
  const steps = [{ key: "t1", type: "TRANSFORM", config: { output: { done: true } } }];
  const input = { workspaceId, name: "Fault probe", inputSchema: { type: "object" }, steps };
  const wf = await ok(stack.url(), CREATE_WORKFLOW, { input }, owner.token);
  return { token: owner.token, tenantId: owner.tenantId, workspaceId, workflowId: wf.createWorkflow.workflow.id };
}

export interface StartOutcome {
  runId?: string;
  error?: { code?: string; retryable?: boolean; serviceName?: string; message: string };
}

/** One startWorkflowRun through a gateway, as a client sees it (never throws). */
export async function startRun(url: string, space: Workspace, idempotencyKey?: string): Promise<StartOutcome> {
  try {
    const input = { workflowId: space.workflowId, input: {}, ...(idempotencyKey ? { idempotencyKey } : {}) };
    const res = await gql(url, START_RUN, { input }, space.token);
    const e = res.errors?.[0];
    if (e) {
      const ext = (e.extensions ?? {}) as { code?: string; retryable?: boolean; serviceName?: string };
      return { error: { message: e.message, code: ext.code, retryable: ext.retryable, serviceName: ext.serviceName } };
    }
    return { runId: res.data?.startWorkflowRun.run.id as string };
  } catch (error) {
    return { error: { message: `no HTTP answer: ${(error as Error).message}` } };
  }
}

/** `writers` clients each starting `runsEach` runs back to back; every outcome, in order per writer. */
export async function startRuns(url: (writer: number) => string, space: Workspace, writers: number, runsEach: number) {
  const outcomes: StartOutcome[] = [];
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < runsEach; i++) outcomes.push(await startRun(url(w), space));
    }),
  );
  return outcomes;
}

/** Reads the test database directly: the ground truth the subscribers are checked against. */
export class Truth {
  private readonly pool: pg.Pool;
  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    this.pool.on("error", () => {});
  }

  async runStatuses(workspaceId: string): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ id: string; status: string }>(
      `SELECT id, status::text FROM workflows."WorkflowRun" WHERE "workspaceId" = $1`,
      [workspaceId],
    );
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /** The feed's committed positions, checked gap-free (1..n). */
  async feedLength(workspaceId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number; top: number | null }>(
      `SELECT count(*)::int AS n, max(feed_sequence) AS top FROM workflows.stream_events WHERE feed = $1`,
      [`workflowRunsUpdated:${workspaceId}`],
    );
    const { n, top } = rows[0]!;
    if ((top ?? 0) !== n) throw new Error(`feed has ${n} events but positions up to ${top}`);
    return n;
  }

  query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
    return this.pool.query<T>(text, values);
  }

  close() {
    return this.pool.end();
  }
}

/** Polls until every run of the workspace is finished; returns when, in ms since the epoch. */
export async function waitAllFinished(truth: Truth, workspaceId: string, expected: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = [...(await truth.runStatuses(workspaceId)).values()];
    const finished = statuses.filter((s) => s === "SUCCEEDED" || s === "FAILED" || s === "CANCELLED").length;
    if (statuses.length >= expected && finished === statuses.length) return Date.now();
    if (Date.now() > deadline) throw new Error(`${finished}/${statuses.length} runs finished after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
