import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobQueue } from "../src";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("audit");
});
afterAll(() => db.drop());

describe("job queue", () => {
  it("runs every job sent, at least once, and survives a new queue instance", async () => {
    const producer = createJobQueue({ databaseUrl: db.url, schema: "jobs_test", queues: ["echo"] });
    await producer.start();
    for (let i = 0; i < 5; i++) await producer.send("echo", { i });
    await producer.stop();

    const seen: number[] = [];
    const consumer = createJobQueue({ databaseUrl: db.url, schema: "jobs_test", queues: ["echo"] });
    await consumer.start();
    await consumer.work<{ i: number }>("echo", { batchSize: 5, pollingIntervalSeconds: 0.5 }, async (job) => {
      seen.push(job.data.i);
    });
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(5);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
    await consumer.stop();
  });
});
