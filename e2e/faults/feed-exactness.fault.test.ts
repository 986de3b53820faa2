import { availableParallelism, loadavg } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../test/support/stack";
import { FeedWatcher } from "./support/feed-watcher";
import { faultGatewayEnv } from "./support/gateway-env";
import { appendWithHeldCommit } from "./support/held-commit";
import { report, tally, total } from "./support/tally";
import { seedWorkspace, startRun, startRuns, Truth, waitAllFinished } from "./support/workload";

const WRITERS = 20;
const RUNS_EACH = 50;
const SUBSCRIBERS = 30;
const HOLD_MS = 2_000;
const MAX_LATENCY_MS = 500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a workspace feed under 20 concurrent writers, a held-back commit and a subscriber that comes and goes", () => {
  let stack: Stack;
  let truth: Truth;
  beforeAll(async () => {
    // Re-reads only every minute: whatever arrives within the test arrived live, pushed by the bus.
    stack = await startStack({ gatewayEnv: faultGatewayEnv({ SUBSCRIPTION_RESYNC_MS: "60000" }) });
    truth = new Truth(stack.db.url);
  });
  afterAll(async () => {
    await truth?.close();
    await stack?.close();
  });

  it("delivers every committed event once, in feed order, within 500 ms of its commit while connected", async () => {
    const space = await seedWorkspace(stack, "Feed");
    const watchers = Array.from(
      { length: SUBSCRIBERS },
      () => new FeedWatcher(stack.wsUrl(), space.token, space.workspaceId),
    );
    await Promise.all(watchers.map((w) => w.resume()));
    const first = await startRun(stack.url(), space);
    const heldRun = { id: first.runId!, tenantId: space.tenantId, workspaceId: space.workspaceId };

    const resumer = watchers[0]!;
    const offline: [number, number][] = [];
    const comings = (async () => {
      for (let i = 0; i < 3; i++) {
        await sleep(1_500);
        const from = Date.now();
        await resumer.disconnect();
        await sleep(700);
        await resumer.resume();
        offline.push([from, Date.now()]);
      }
    })();
    const held = (async () => {
      await sleep(1_000);
      return appendWithHeldCommit(stack.db.url, heldRun, HOLD_MS);
    })();
    const outcomes = await startRuns(() => stack.url(), space, WRITERS, RUNS_EACH);
    const { committedAt: heldCommittedAt, stepKey: heldStep } = await held;
    await comings;
    expect(outcomes.filter((o) => !o.runId)).toEqual([]);
    await waitAllFinished(truth, space.workspaceId, WRITERS * RUNS_EACH + 1, 120_000);
    const committed = await truth.feedLength(space.workspaceId);
    for (const w of watchers) await expect.poll(() => w.last, { timeout: 20_000 }).toBe(committed);

    const deliveries = watchers.map((w) => tally(committed, w.sequences));
    // Delivery delay from commit: the held event's commit is known; the others commit within
    // milliseconds of their `at` (the transaction's start), so `at` bounds it from below.
    const latencies: number[] = [];
    for (const w of watchers) {
      for (const { event, arrivedAt } of w.arrivals) {
        const committedAt = event.stepKey === heldStep ? heldCommittedAt : Date.parse(event.at);
        if (w === resumer && offline.some(([from, to]) => committedAt >= from - MAX_LATENCY_MS && committedAt <= to))
          continue;
        latencies.push(arrivedAt - committedAt);
      }
    }
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    report("feed exactness (20 writers x 50 runs, 30 subscribers, 1 held commit, 3 resumes)", total(deliveries), {
      events: committed,
      "latency p50/p99/max ms": `${p(0.5)}/${p(0.99)}/${latencies.at(-1)}`,
      load: loadavg()[0]!.toFixed(1),
      cores: availableParallelism(),
    });
    const heldSeen = watchers.filter((w) => w.arrivals.some((a) => a.event.stepKey === heldStep)).length;
    expect(heldSeen).toBe(SUBSCRIBERS);
    expect(total(deliveries)).toMatchObject({ missed: 0, duplicated: 0 });
    for (const w of watchers) expect(w.sequences).toEqual([...w.sequences].sort((a, b) => a - b));
    // Live, not on the re-read (a minute here): the median event arrives within the bound. Every
    // event does only on a machine that is not oversubscribed; shared CI runners often are.
    expect(p(0.5)).toBeLessThanOrEqual(MAX_LATENCY_MS);
    if (loadavg()[0]! <= availableParallelism()) expect(latencies.at(-1)).toBeLessThanOrEqual(MAX_LATENCY_MS);
  });
});
