import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  DestinationRefusedError,
  guardedRequest,
  isAllowlisted,
  isPublicAddress,
  parseHostPattern,
} from "@atelier/outbound-fetch";
import { newTenantUser } from "@atelier/testing";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { loadWorkflowsConfig } from "../src/config";
import { type WorkflowsSubgraph, workflowsTest } from "./fixture";
import { startHttpTarget } from "./http-target";
import { createWorkflow, runOf, startRun, waitForStatus } from "./workflow-runs";

// Every connection these tests attempt is to loopback: private and link-local addresses are
// only classified, never dialled.
let h: WorkflowsSubgraph;
let target: Awaited<ReturnType<typeof startHttpTarget>>;
let redirector: Server;
let redirectorPort: number;

beforeAll(async () => {
  target = await startHttpTarget();
  // Redirects to the target by a name the allowlist does not hold.
  redirector = createServer((_, res) => {
    res.writeHead(302, { location: `${target.url.replace("127.0.0.1", "localhost")}/smuggled` }).end();
  });
  await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
  redirectorPort = (redirector.address() as AddressInfo).port;
});
// No HTTP_STEP_ALLOWED_HOSTS: the default policy.
const test = workflowsTest;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});
afterAll(async () => {
  await new Promise((resolve) => redirector.close(resolve));
  await target.close();
});

const get = (url: string, allowed: string[] = []) =>
  guardedRequest({
    url,
    method: "GET",
    headers: {},
    signal: AbortSignal.timeout(5_000),
    allowedHosts: allowed.map(parseHostPattern),
  });

describe("addresses HTTP steps may reach", () => {
  test("classifies loopback, private, link-local, unspecified and mapped addresses as not public", () => {
    const notPublic = [
      "127.0.0.1",
      "127.9.9.9",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "255.255.255.255",
      "::",
      "::1",
      "fd12:3456::1",
      "fc00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:a9fe:a9fe",
      "64:ff9b::a00:1",
      "not-an-ip",
    ];
    const publicOnes = ["8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"];
    expect(notPublic.filter(isPublicAddress)).toEqual([]);
    expect(publicOnes.filter((a) => !isPublicAddress(a))).toEqual([]);
  });

  test("matches allowlist patterns by host, port and leading wildcard", () => {
    const patterns = ["api.partner.test", "*.hooks.test", "127.0.0.1:8080", "[::1]:9000"].map(parseHostPattern);
    const allowed = (url: string) => isAllowlisted(new URL(url), patterns);
    expect(allowed("https://api.partner.test/x")).toBe(true);
    expect(allowed("https://a.b.hooks.test/x")).toBe(true);
    expect(allowed("https://hooks.test/x")).toBe(false);
    expect(allowed("http://127.0.0.1:8080/")).toBe(true);
    expect(allowed("http://127.0.0.1:8081/")).toBe(false);
    expect(allowed("http://[::1]:9000/")).toBe(true);
    expect(allowed("https://evil.test/api.partner.test")).toBe(false);
    expect(() => parseHostPattern("a*b.test")).toThrow(/wildcard/);
    expect(() =>
      loadWorkflowsConfig({ INTERNAL_JWT_PUBLIC_KEY: "k", HTTP_STEP_ALLOWED_HOSTS: "ok.test, bad host" }),
    ).toThrow(/HTTP_STEP_ALLOWED_HOSTS/);
  });

  test("refuses loopback by IP literal and by a name resolved at connect time, sending nothing", async () => {
    const port = new URL(target.url).port;
    for (const url of [
      `${target.url}/literal`,
      `http://localhost:${port}/by-name`,
      `http://[::ffff:127.0.0.1]:${port}/mapped`,
      `http://0.0.0.0:${port}/unspecified`,
    ]) {
      await expect(get(url), url).rejects.toBeInstanceOf(DestinationRefusedError);
    }
    await expect(get("file:///etc/passwd")).rejects.toThrow(/only http and https/);
    expect(target.calls).toHaveLength(0);
  });

  test("checks every redirect's destination, and lets listed hosts through", async () => {
    const redirectorUrl = `http://127.0.0.1:${redirectorPort}/go`;
    await expect(get(redirectorUrl, [`127.0.0.1:${redirectorPort}`])).rejects.toThrow(
      /localhost.*not a public address/,
    );
    expect(target.calls).toHaveLength(0);
    const followed = await get(redirectorUrl, [`127.0.0.1:${redirectorPort}`, "localhost"]);
    expect(followed.status).toBe(200);
    expect(target.callsTo("/smuggled")).toHaveLength(1);
  });

  test("drops credentials on a cross-origin redirect, and a 302 after POST continues as GET without the body", async () => {
    const followed = await guardedRequest({
      url: `http://127.0.0.1:${redirectorPort}/go`,
      method: "POST",
      headers: {
        authorization: "Bearer secret",
        cookie: "session=secret",
        "content-type": "application/json",
        "x-trace": "kept",
      },
      body: JSON.stringify({ secret: true }),
      signal: AbortSignal.timeout(5_000),
      allowedHosts: [`127.0.0.1:${redirectorPort}`, "localhost"].map(parseHostPattern),
    });
    expect(followed.status).toBe(200);
    const call = target.callsTo("/smuggled").at(-1)!;
    expect(call).toMatchObject({ method: "GET", body: null });
    expect(call.headers.authorization).toBeUndefined();
    expect(call.headers.cookie).toBeUndefined();
    expect(call.headers["content-type"]).toBeUndefined();
    expect(call.headers["x-trace"]).toBe("kept");
  });

  test("fails the step with the refusal, without retrying it", async () => {
    const alice = newTenantUser();
    const wf = await createWorkflow(h, alice, {
      steps: [{ key: "meta", type: "HTTP_REQUEST", config: { url: `${target.url}/meta`, retries: 3 } }],
    });
    const run = await startRun(h, alice, wf.id);
    await waitForStatus(h, alice, run.id, "FAILED");
    const failed = await runOf(h, alice, run.id);
    expect(failed.error).toMatch(/step meta failed: refused to connect to 127\.0\.0\.1:\d+: .*HTTP_STEP_ALLOWED_HOSTS/);
    expect(failed.stepRuns[0]).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(target.callsTo("/meta")).toHaveLength(0);
  });
});
