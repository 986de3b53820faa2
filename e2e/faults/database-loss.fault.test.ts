import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../test/support/stack";
import { terminateDatabaseBackends } from "./support/database-faults";
import { FeedWatcher } from "./support/feed-watcher";
import { faultGatewayEnv } from "./support/gateway-env";
import { report, tally } from "./support/tally";
import { type StartOutcome, seedWorkspace, startRun, Truth } from "./support/workload";

const WRITERS = 20;
const RUNS_EACH = 20;
const TERMINATIONS = 3;
const FINISH_WITHIN_MS = 30_000;
const LIVE_WITHIN_MS = 1_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RETRYABLE = new Set(["SERVICE_UNAVAILABLE", "SUBGRAPH_UNAVAILABLE"]);

describe("every database connection dropped three times during a batch of 400 starts", () => {
  let stack: Stack;
  let truth: Truth;
  beforeAll(async () => {
    // Re-reads only every minute: delivery after the faults must come from the reconnected bus.
    stack = await startStack({ gatewayEnv: faultGatewayEnv({ SUBSCRIPTION_RESYNC_MS: "60000" }) });
    truth = new Truth(stack.db.url);
  });
  afterAll(async () => {
    await truth?.close();
    await stack?.close();
  });

  it("loses no accepted run, refuses only with retryable codes, and is live again without a re-read", async () => {
    const space = await seedWorkspace(stack, "Failover");
    const watcher = new FeedWatcher(stack.wsUrl(), space.token, space.workspaceId);
    await watcher.resume();

    const outcomes: StartOutcome[] = [];
    let writing = true;
    const writers = Promise.all(
      Array.from({ length: WRITERS }, async () => {
        for (let i = 0; i < RUNS_EACH; i++) outcomes.push(await startRun(stack.url(), space));
      }),
    ).finally(() => {
      writing = false;
    });
    let ended = 0;
    let lastTermination = 0;
    for (let i = 0; i < TERMINATIONS; i++) {
      await sleep(800);
      ended += await terminateDatabaseBackends(stack.db.url);
      lastTermination = Date.now();
    }
    await writers;
    expect(writing).toBe(false);

    const accepted = outcomes.filter((o) => o.runId).map((o) => o.runId!);
    const refused = outcomes.filter((o) => !o.runId).map((o) => o.error!);
    let statuses = await truth.runStatuses(space.workspaceId);
    while ([...statuses.values()].some((s) => s !== "SUCCEEDED") && Date.now() - lastTermination < FINISH_WITHIN_MS) {
      await sleep(250);
      statuses = await truth.runStatuses(space.workspaceId);
    }
    const finishedAfterMs = Date.now() - lastTermination;
    const lost = accepted.filter((id) => statuses.get(id) !== "SUCCEEDED");

    // One more run after the faults: its events must arrive live, pushed by the bus.
    await sleep(500);
    const before = watcher.arrivals.length;
    const probeStarted = Date.now();
    const probe = await startRun(stack.url(), space);
    await expect.poll(() => watcher.arrivals.slice(before).some((a) => a.event.run.id === probe.runId)).toBe(true);
    const probeDelayMs =
      watcher.arrivals.slice(before).find((a) => a.event.run.id === probe.runId)!.arrivedAt - probeStarted;

    const committed = await truth.feedLength(space.workspaceId);
    await expect.poll(() => watcher.last, { timeout: 10_000 }).toBe(committed);
    report("database loss (3 x pg_terminate_backend during 400 starts)", tally(committed, watcher.sequences), {
      "backends ended": ended,
      "starts accepted/refused": `${accepted.length}/${refused.length}`,
      "accepted runs lost": lost.length,
      "all finished ms after last termination": finishedAfterMs,
      "first live event after faults ms": probeDelayMs,
    });
    expect(ended).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(refused.filter((e) => !(e.retryable === true && RETRYABLE.has(e.code ?? "")))).toEqual([]);
    expect(finishedAfterMs).toBeLessThanOrEqual(FINISH_WITHIN_MS);
    expect(probeDelayMs).toBeLessThanOrEqual(LIVE_WITHIN_MS);
    expect(tally(committed, watcher.sequences)).toMatchObject({ missed: 0, duplicated: 0 });
    expect(watcher.completions).toBe(0);
  });
});
