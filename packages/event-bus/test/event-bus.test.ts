import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresEventBus, createRedisEventBus, type EventBus } from "../src";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("audit");
});
afterAll(() => db.drop());

const implementations: [string, () => EventBus][] = [
  ["Postgres LISTEN/NOTIFY", () => createPostgresEventBus(db.url)],
  ["Redis pub/sub", () => createRedisEventBus(REDIS_URL)],
];

function nextMessage(bus: EventBus, channel: string) {
  return new Promise<{ message: Record<string, unknown>; stop: () => Promise<void> }>((resolve) => {
    let stop: () => Promise<void> = async () => {};
    bus
      .subscribe(channel, (message) => resolve({ message, stop }))
      .then((s) => {
        stop = s;
      });
  });
}

describe.each(implementations)("%s event bus", (_name, create) => {
  let publisher: EventBus;
  let subscriber: EventBus;
  beforeAll(() => {
    publisher = create();
    subscriber = create();
  });
  afterAll(async () => {
    await publisher.close();
    await subscriber.close();
  });

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
