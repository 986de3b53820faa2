import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresEventBus, createRedisEventBus, type EventBus, SUBSCRIBER_NAME } from "../src";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("audit");
});
afterAll(() => db.drop());

/** What a failover or a pooler restart does: the server ends the bus's listening connection. */
async function dropPostgresListener(): Promise<void> {
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const { rowCount } = await admin.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
  );
  await admin.end();
  expect(rowCount).toBeGreaterThan(0);
}

async function dropRedisSubscriber(): Promise<void> {
  const admin = new Redis(REDIS_URL);
  const db = new URL(REDIS_URL).pathname.slice(1) || "0";
  const clients = String(await admin.client("LIST"))
    .split("\n")
    .filter((line) => line.includes(`name=${SUBSCRIBER_NAME} `) && line.includes(` db=${db} `));
  for (const line of clients) await admin.client("KILL", "ID", /id=(\d+)/.exec(line)![1]!);
  admin.disconnect();
  expect(clients.length).toBeGreaterThan(0);
}

const implementations: [string, () => EventBus, () => Promise<void>][] = [
  ["Postgres LISTEN/NOTIFY", () => createPostgresEventBus(db.url), dropPostgresListener],
  ["Redis pub/sub", () => createRedisEventBus(REDIS_URL), dropRedisSubscriber],
];

describe.each(implementations)("%s event bus after its connection is dropped", (_name, create, drop) => {
  it("reconnects, listens again, counts the reconnect and asks subscribers to catch up", async () => {
    const publisher = create();
    const subscriber = create();
    const seen: unknown[] = [];
    let catchUps = 0;
    subscriber.onReconnect(() => catchUps++);
    await subscriber.subscribe("runs.updated", (m) => seen.push(m));
    expect(subscriber.state()).toEqual({ connected: true, reconnects: 0 });

    await drop();
    await expect.poll(() => subscriber.state(), { timeout: 10_000 }).toEqual({ connected: true, reconnects: 1 });
    expect(catchUps).toBe(1);

    await publisher.publish("runs.updated", { sequence: 2 });
    await expect.poll(() => seen, { timeout: 5_000 }).toEqual([{ sequence: 2 }]);
    await publisher.close();
    await subscriber.close();
  });
});
