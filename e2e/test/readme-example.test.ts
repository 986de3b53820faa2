import { readFileSync } from "node:fs";
import { createServer, Socket } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type RunEvent, watchRun } from "../examples/watch-run";
import { ok, signUp } from "./support/client";
import { type Stack, startStack } from "./support/stack";

const root = path.resolve(import.meta.dirname, "../..");
const EXAMPLE = path.join(root, "e2e", "examples", "watch-run.ts");

/** A TCP hop in front of the gateway whose connections the test can cut, as a flaky network does. */
async function cuttableProxy(target: URL) {
  const sockets = new Set<Socket>();
  const server = createServer((inbound) => {
    const outbound = new Socket();
    outbound.connect(Number(target.port), target.hostname);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => sockets.delete(s));
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}${target.pathname}`,
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("the README's graphql-ws example", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it("is the code the README shows", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).toContain(readFileSync(EXAMPLE, "utf8").trim());
  });

  it("delivers each event once across graphql-ws's own reconnects", async () => {
    const owner = await signUp(stack.url(), "Readme");
    const ws = await ok(
      stack.url(),
      `mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { workspace { id } } }`,
      { i: { name: `Readme ${Date.now()}` } },
      owner.token,
    );
    const steps = [
      { key: "review", type: "APPROVAL", config: {} },
      { key: "after", type: "TRANSFORM", config: { output: { done: true } } },
    ];
    const wf = await ok(
      stack.url(),
      `mutation($i: CreateWorkflowInput!) { createWorkflow(input: $i) { workflow { id } } }`,
      { i: { workspaceId: ws.createWorkspace.workspace.id, name: "Reviewed", inputSchema: { type: "object" }, steps } },
      owner.token,
    );
    const run = await ok(
      stack.url(),
      `mutation($i: StartWorkflowRunInput!) { startWorkflowRun(input: $i) { run { id } } }`,
      { i: { workflowId: wf.createWorkflow.workflow.id, input: {} } },
      owner.token,
    );
    const runId = run.startWorkflowRun.run.id as string;

    const proxy = await cuttableProxy(new URL(stack.wsUrl()));
    const events: RunEvent[] = [];
    const stop = watchRun({
      url: proxy.url,
      accessToken: owner.token,
      runId,
      onEvent: (e) => events.push(e),
      webSocketImpl: WebSocket,
    });
    await expect.poll(() => events.at(-1)?.status, { timeout: 30_000 }).toBe("PAUSED");
    const beforeCuts = events.length;
    for (let i = 0; i < 2; i++) {
      proxy.cut();
      await new Promise((r) => setTimeout(r, 1_500));
    }
    await ok(
      stack.url(),
      `mutation($i: ResumeWorkflowRunInput!) { resumeWorkflowRun(input: $i) { run { id } } }`,
      { i: { runId } },
      owner.token,
    );
    await expect.poll(() => events.at(-1)?.status, { timeout: 30_000 }).toBe("SUCCEEDED");
    await new Promise((r) => setTimeout(r, 500));
    stop();
    await proxy.close();

    const sequences = events.map((e) => e.sequence);
    expect(events.length).toBeGreaterThan(beforeCuts);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
  });
});
