import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { catchUpReadsByPath } from "../src/subscriptions/planned-catch-up";
import { startSubscriptionStack } from "./support/subscription-stack";
import { subscribe } from "./support/ws-client";

// The stack marks Person.name viewer-dependent (schema/viewer-dependent.json's stand-in).
const LABELS = `subscription($streamId: ID!) { tickUpdated(streamId: $streamId) { label } }`;
const WITH_OWNER = `subscription($streamId: ID!) { tickUpdated(streamId: $streamId) { label owner { name } } }`;
const WITH_NOTE = `subscription($streamId: ID!) { tickUpdated(streamId: $streamId) { label owner { id viewerNote } } }`;
type StackOptions = Parameters<typeof startSubscriptionStack>[0];

type Stack = Awaited<ReturnType<typeof startSubscriptionStack>>;

/** The gateway's catch-up reads so far, by how they ran (the stack's gateways run in this process). */
async function readsByPath() {
  const { values } = await catchUpReadsByPath().get();
  const of = (path: string) => values.find((v) => v.labels.path === path)?.value ?? 0;
  return { group: of("group"), reader: of("reader"), apollo: of("apollo") };
}

/** EDITORs of one new tenant, each subscribed as themselves to one new stream. */
async function editorsSubscribed<T>(stack: Stack, userIds: string[], query: string) {
  const tenant = randomUUID();
  const stream = randomUUID();
  const subs = await Promise.all(
    userIds.map(async (userId) =>
      subscribe<T>(stack.wsUrl(), await stack.tokenWithRole(tenant, "EDITOR", { userId }), query, { streamId: stream }),
    ),
  );
  return { tenant, stream, subs };
}

/** What one event costs for subscribers with these roles (one identity each): event reads and Person entity reads. */
async function costOfOneEvent(roles: string[], query: string, opts: StackOptions = {}) {
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
    const before = { events: stack.catchUpReads(), people: stack.personReads(), requests: stack.personRequests() };
    await stack.appendTick(tenant, stream, "measured");
    for (const sub of subs) await expect.poll(() => sub.values.length, { timeout: 10_000 }).toBe(2);
    for (const sub of subs) sub.stop();
    return {
      events: stack.catchUpReads() - before.events,
      people: stack.personReads() - before.people,
      requests: stack.personRequests() - before.requests,
    };
  } finally {
    await stack.close();
  }
}

/** How many catch-up executions one event costs for subscribers with these roles (one identity each). */
async function readsForOneEvent(roles: string[], query: string, opts: StackOptions = {}) {
  return (await costOfOneEvent(roles, query, opts)).events;
}

describe("who shares a subscription read", () => {
  it("one read per event for viewers alike in tenant and role when nothing viewer-dependent is selected", async () => {
    expect(await readsForOneEvent(["VIEWER", "VIEWER", "VIEWER", "VIEWER"], LABELS)).toBe(1);
  });

  it("as soon as the selection holds a viewer-dependent field, that field is read per identity, the rest once", async () => {
    // Per identity, in one per-viewer request for the three of them.
    expect(await costOfOneEvent(["VIEWER", "VIEWER", "VIEWER"], WITH_OWNER)).toEqual({
      events: 1,
      people: 3,
      requests: 1,
    });
  });

  it("the viewer-independent part is read once per role, the viewer-dependent part per identity", async () => {
    expect(await costOfOneEvent(["VIEWER", "VIEWER", "ADMIN"], WITH_OWNER)).toEqual({
      events: 2,
      people: 3,
      requests: 2,
    });
  });

  it("separate reads for different roles", async () => {
    expect(await readsForOneEvent(["VIEWER", "VIEWER", "ADMIN"], LABELS)).toBe(2);
  });

  it("one read per identity when no viewer-dependent list proves anything", async () => {
    expect(
      await readsForOneEvent(["VIEWER", "VIEWER", "VIEWER"], LABELS, { viewerDependent: null }),
    ).toBeGreaterThanOrEqual(3);
    expect(await costOfOneEvent(["VIEWER", "VIEWER"], WITH_OWNER, { viewerDependent: null })).toMatchObject({
      events: 2,
      people: 2,
    });
  });

  it("one read per event for a field declaring the tenant-role audience whose payload reaches nothing viewer-dependent", async () => {
    const opts = { audience: "tenant-role" as const, viewerDependent: {} };
    expect(await readsForOneEvent(["VIEWER", "VIEWER", "VIEWER"], WITH_OWNER, opts)).toBe(1);
  });
});

describe("viewers alike in tenant and role sharing a read", () => {
  it("each get their own viewer-dependent fields, and the independent part read once", async () => {
    const stack = await startSubscriptionStack();
    try {
      const [alice, bob] = [randomUUID(), randomUUID()];
      type Note = { tickUpdated: { label: string; owner: { id: string; viewerNote: string } } };
      const { tenant, stream, subs } = await editorsSubscribed<Note>(stack, [alice, bob], WITH_NOTE);
      const before = stack.catchUpReads();
      const pathsBefore = await readsByPath();
      for (const label of ["one", "two", "three"]) await stack.appendTick(tenant, stream, label);
      for (const sub of subs) await expect.poll(() => sub.values.length, { timeout: 10_000 }).toBe(3);
      for (const [sub, userId] of [
        [subs[0]!, alice],
        [subs[1]!, bob],
      ] as const) {
        expect(sub.values.map((v) => v.tickUpdated.label)).toEqual(["one", "two", "three"]);
        expect(sub.values.map((v) => v.tickUpdated.owner)).toEqual(
          Array(3).fill({ id: "owner-1", viewerNote: `owner-1 as seen by ${userId}` }),
        );
      }
      // The events were read for both together (once per wake), never once per viewer.
      expect(stack.catchUpReads() - before).toBeLessThan(6);
      // ... by one plan run for the two of them, never each their own.
      const paths = await readsByPath();
      expect(paths.group - pathsBefore.group).toBeGreaterThan(0);
      expect({ reader: paths.reader - pathsBefore.reader, apollo: paths.apollo - pathsBefore.apollo }).toEqual({
        reader: 0,
        apollo: 0,
      });
      for (const sub of subs) sub.stop();
    } finally {
      await stack.close();
    }
  });
});

describe("viewers read together, one of them refused", () => {
  it("gets the refusal with its code alone; the others alike read on", async () => {
    const stack = await startSubscriptionStack();
    try {
      type Private = { tickUpdated: { label: string; owner: { privateNote: string } } };
      const query = `subscription($streamId: ID!) { tickUpdated(streamId: $streamId) { label owner { privateNote } } }`;
      // The ticks' owner is "owner-1": that person reads their note, two colleagues of the same role may not.
      const { tenant, stream, subs } = await editorsSubscribed<Private>(
        stack,
        ["owner-1", randomUUID(), randomUUID()],
        query,
      );
      const [owner, ...others] = subs;
      await stack.appendTick(tenant, stream, "one");
      await expect.poll(() => owner!.values.length, { timeout: 10_000 }).toBe(1);
      expect(owner!.values[0]?.tickUpdated.owner).toEqual({ privateNote: "owner-1's own note" });
      for (const other of others) {
        await expect.poll(() => other.errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
        expect(other.values).toEqual([]);
        expect(JSON.stringify(other.errors)).toContain("FORBIDDEN");
        expect(JSON.stringify(other.errors)).not.toContain("own note");
      }
      owner!.stop();
    } finally {
      await stack.close();
    }
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
