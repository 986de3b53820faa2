import { createWorkflowsService } from "@atelier/workflows/service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../test/support/client";
import { type Stack, startStack } from "../test/support/stack";
import { FeedWatcher } from "./support/feed-watcher";
import { faultGatewayEnv } from "./support/gateway-env";
import { report, tally, total } from "./support/tally";
import { seedWorkspace, startRun, startRuns, Truth, waitAllFinished } from "./support/workload";

const DOWN_MS = 10_000;
const SUBSCRIBERS = 5;
const RUNS_QUERY = `query($id: ID!) { workflowRun(id: $id) { id status } }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the workflows subgraph down for 10 s under load", () => {
  let stack: Stack;
  let truth: Truth;
  beforeAll(async () => {
    stack = await startStack({ gatewayEnv: faultGatewayEnv({ SUBSCRIPTION_RESYNC_MS: "2000" }) });
    truth = new Truth(stack.db.url);
  });
  afterAll(async () => {
    await truth?.close();
    await stack?.close();
  });

  it("answers clients with a retryable error naming it, and open subscriptions resume by themselves", async () => {
    const space = await seedWorkspace(stack, "Outage");
    const watchers = Array.from(
      { length: SUBSCRIBERS },
      () => new FeedWatcher(stack.wsUrl(), space.token, space.workspaceId),
    );
    await Promise.all(watchers.map((w) => w.resume()));
    const before = await startRuns(() => stack.url(), space, 5, 4);
    const known = before[0]!.runId!;

    const workflows = stack.workflows[0]!;
    const port = Number(new URL(workflows.url).port);
    await workflows.stop();
    const downUntil = Date.now() + DOWN_MS;
    const answers: { code?: string; serviceName?: string; retryable?: boolean }[] = [];
    while (Date.now() < downUntil) {
      const [read, start] = await Promise.all([
        gql(stack.url(), RUNS_QUERY, { id: known }, space.token),
        startRun(stack.url(), space),
      ]);
      const readError = (read.errors?.[0]?.extensions ?? {}) as (typeof answers)[number];
      answers.push(readError, start.error ?? {});
      await sleep(250);
    }
    stack.workflows[0] = await createWorkflowsService({ ...stack.workflowsConfig, port });

    const after = await startRuns(() => stack.url(), space, 5, 4);
    expect([...before, ...after].filter((o) => !o.runId)).toEqual([]);
    await waitAllFinished(truth, space.workspaceId, 40, 60_000);
    const committed = await truth.feedLength(space.workspaceId);
    for (const w of watchers) await expect.poll(() => w.last, { timeout: 20_000 }).toBe(committed);

    const unavailable = answers.filter((a) => a.code === "SUBGRAPH_UNAVAILABLE");
    report("workflows subgraph down 10 s", total(watchers.map((w) => tally(committed, w.sequences))), {
      "client answers during outage": answers.length,
      SUBGRAPH_UNAVAILABLE: unavailable.length,
      "subscriber errors": watchers.reduce((n, w) => n + w.errors.length, 0),
      "subscriptions ended": watchers.reduce((n, w) => n + w.completions, 0),
    });
    expect(answers.length).toBeGreaterThan(0);
    expect(
      answers.filter((a) => !(a.code === "SUBGRAPH_UNAVAILABLE" && a.serviceName === "workflows" && a.retryable)),
    ).toEqual([]);
    for (const w of watchers) {
      expect(w.completions).toBe(0);
      expect(w.errors.every((e) => e.code === "SUBGRAPH_UNAVAILABLE" && e.serviceName === "workflows")).toBe(true);
      expect(tally(committed, w.sequences)).toMatchObject({ missed: 0, duplicated: 0 });
    }
  });
});
