import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { startSubscriptionStack } from "./support/subscription-stack";
import { subscribe } from "./support/ws-client";

// The stack marks Person.name viewer-dependent (schema/viewer-dependent.json's stand-in).
const LABELS = `subscription($streamId: ID!) { tickUpdated(streamId: $streamId) { label } }`;
const WITH_OWNER = `subscription($streamId: ID!) { tickUpdated(streamId: $streamId) { label owner { name } } }`;
type StackOptions = Parameters<typeof startSubscriptionStack>[0];

/** How many catch-up executions one event costs for subscribers with these roles (one identity each). */
async function readsForOneEvent(roles: string[], query: string, opts: StackOptions = {}) {
  const stack = await startSubscriptionStack(opts);
  try {
    const tenant = randomUUID();
    const stream = randomUUID();
    const subs = await Promise.all(
      roles.map(async (role) =>
        subscribe(stack.wsUrl(), await stack.tokenWithRole(tenant, role), query, { streamId: stream }),
      ),
    );
    await stack.appendTick(tenant, stream, "warm-up");
    for (const sub of subs) await expect.poll(() => sub.values.length, { timeout: 10_000 }).toBe(1);
    const before = stack.catchUpReads();
    await stack.appendTick(tenant, stream, "measured");
    for (const sub of subs) await expect.poll(() => sub.values.length, { timeout: 10_000 }).toBe(2);
    for (const sub of subs) sub.stop();
    return stack.catchUpReads() - before;
  } finally {
    await stack.close();
  }
}

describe("who shares a subscription read", () => {
  it("one read per event for viewers alike in tenant and role when nothing viewer-dependent is selected", async () => {
    expect(await readsForOneEvent(["VIEWER", "VIEWER", "VIEWER", "VIEWER"], LABELS)).toBe(1);
  });

  it("one read per identity as soon as the selection holds a viewer-dependent field", async () => {
    expect(await readsForOneEvent(["VIEWER", "VIEWER", "VIEWER"], WITH_OWNER)).toBeGreaterThanOrEqual(3);
  });

  it("separate reads for different roles", async () => {
    expect(await readsForOneEvent(["VIEWER", "VIEWER", "ADMIN"], LABELS)).toBe(2);
  });

  it("one read per identity when no viewer-dependent list proves anything", async () => {
    expect(
      await readsForOneEvent(["VIEWER", "VIEWER", "VIEWER"], LABELS, { viewerDependent: null }),
    ).toBeGreaterThanOrEqual(3);
  });

  it("one read per event for a field declaring the tenant-role audience whose payload reaches nothing viewer-dependent", async () => {
    const opts = { audience: "tenant-role" as const, viewerDependent: {} };
    expect(await readsForOneEvent(["VIEWER", "VIEWER", "VIEWER"], WITH_OWNER, opts)).toBe(1);
  });
});

describe("a gateway that would share one viewer's data", () => {
  it("refuses to start when a field declares tenant-role but its payload reaches a viewer-dependent field", async () => {
    await expect(startSubscriptionStack({ audience: "tenant-role" })).rejects.toThrow(
      /tickUpdated declares "audience": "tenant-role", but its payload reaches the viewer-dependent Tick\.owner\.name/,
    );
  });

  it("refuses to start when a field declares tenant-role and there is no list to prove it", async () => {
    await expect(startSubscriptionStack({ audience: "tenant-role", viewerDependent: null })).rejects.toThrow(
      /no viewer-dependent\.json beside it/,
    );
  });
});
