import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import { createPostgresEventBus, type EventBus } from "../src";

let db: TestDatabase;
let publisher: EventBus;
let subscriber: EventBus;

beforeAll(async () => {
  db = await createTestDatabase("audit");
  publisher = createPostgresEventBus(db.url);
  subscriber = createPostgresEventBus(db.url);
});
afterAll(async () => {
  await publisher.close();
  await subscriber.close();
  await db.drop();
});

function nextMessage(bus: EventBus, channel: string) {
  return new Promise<{ message: Record<string, unknown>; stop: () => Promise<void> }>((resolve) => {
    let stop: () => Promise<void> = async () => {};
    bus.subscribe(channel, (message) => resolve({ message, stop })).then((s) => {
      stop = s;
    });
  });
}

describe("Postgres event bus", () => {
  it("delivers a message published by another process's bus", async () => {
    const received = nextMessage(subscriber, "runs.updated");
    await new Promise((r) => setTimeout(r, 100));
    await publisher.publish("runs.updated", { runId: "r1", sequence: 1 });
    const { message, stop } = await received;
    expect(message).toEqual({ runId: "r1", sequence: 1 });
    await stop();
  });

  it("stops delivering after unsubscribe", async () => {
    const seen: unknown[] = [];
    const stop = await subscriber.subscribe("docs.updated", (m) => seen.push(m));
    await stop();
    await publisher.publish("docs.updated", { id: "d1" });
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([]);
  });

  it("refuses channel names that are not identifiers", async () => {
    await expect(publisher.publish('x"; DROP TABLE y; --', {})).rejects.toThrow(/invalid event channel/);
  });
});
