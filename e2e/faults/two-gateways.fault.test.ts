import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../test/support/stack";
import { FeedWatcher } from "./support/feed-watcher";
import { faultGatewayEnv } from "./support/gateway-env";
import { report, tally, total } from "./support/tally";
import { seedWorkspace, startRuns, Truth, waitAllFinished } from "./support/workload";

const WRITERS = 10;
const RUNS_EACH = 10;

describe("two gateways and two workflow workers on Redis", () => {
  let stack: Stack;
  let truth: Truth;
  beforeAll(async () => {
    stack = await startStack({
      gateways: 2,
      workflowWorkers: 1,
      redisUrl: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      // Re-reads only every minute: both subscribers are fed live through Redis.
      gatewayEnv: faultGatewayEnv({ SUBSCRIPTION_RESYNC_MS: "60000" }),
    });
    truth = new Truth(stack.db.url);
  });
  afterAll(async () => {
    await truth?.close();
    await stack?.close();
  });

  it("shows a subscriber on each gateway the same events in the same order", async () => {
    const space = await seedWorkspace(stack, "Replicas");
    const watchers = [0, 1].map((g) => new FeedWatcher(stack.wsUrl(g), space.token, space.workspaceId));
    await Promise.all(watchers.map((w) => w.resume()));
    const outcomes = await startRuns((w) => stack.url(w % 2), space, WRITERS, RUNS_EACH);
    expect(outcomes.filter((o) => !o.runId)).toEqual([]);
    await waitAllFinished(truth, space.workspaceId, WRITERS * RUNS_EACH, 60_000);
    const committed = await truth.feedLength(space.workspaceId);
    for (const w of watchers) await expect.poll(() => w.last, { timeout: 20_000 }).toBe(committed);

    report("two gateways on Redis", total(watchers.map((w) => tally(committed, w.sequences))), { events: committed });
    const [a, b] = watchers.map((w) => w.arrivals.map((x) => `${x.event.sequence}:${x.event.run.id}:${x.event.type}`));
    expect(a).toEqual(b);
    expect(tally(committed, watchers[0]!.sequences)).toMatchObject({ missed: 0, duplicated: 0 });
  });
});
