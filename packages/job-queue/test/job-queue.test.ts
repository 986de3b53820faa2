import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import pg from "pg";
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
    await consumer.work<{ i: number }>("echo", { concurrency: 5, pollingIntervalSeconds: 0.5 }, async (job) => {
      seen.push(job.data.i);
    });
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(5);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
    await consumer.stop();
  });

  it("lets the enqueue role send inside its own transaction, and the job commits with it", async () => {
    const queue = createJobQueue({
      databaseUrl: db.url,
      schema: "jobs_roles",
      queues: ["tenant-work"],
      enqueueRole: "atelier_app",
    });
    await queue.start();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const tx = {
      $queryRawUnsafe: async (text: string, ...values: unknown[]) => (await client.query(text, values)).rows as never,
    };
    try {
      for (const outcome of ["ROLLBACK", "COMMIT"]) {
        await client.query("BEGIN");
        await client.query("SET LOCAL ROLE atelier_app");
        await queue.send("tenant-work", { outcome }, { tx });
        await client.query(outcome);
      }
      const { rows } = await client.query(
        `SELECT data->>'outcome' AS outcome FROM jobs_roles.job WHERE name = 'tenant-work'`,
      );
      expect(rows).toEqual([{ outcome: "COMMIT" }]);
    } finally {
      await client.end();
      await queue.stop();
    }
  });

  it("grants the enqueue role from several processes starting at once", async () => {
    const queues = Array.from({ length: 4 }, () =>
      createJobQueue({
        databaseUrl: db.url,
        schema: "jobs_together",
        queues: ["work", "more", "dead"],
        enqueueRole: "atelier_app",
      }),
    );
    try {
      await Promise.all(queues.map((q) => q.start()));
    } finally {
      await Promise.all(queues.map((q) => q.stop()));
    }
  });
});
