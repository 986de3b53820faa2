import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobQueue, type JobQueue } from "../src";

const here = path.dirname(fileURLToPath(import.meta.url));
let db: TestDatabase;
let pool: pg.Pool;
const open: JobQueue[] = [];
beforeAll(async () => {
  db = await createTestDatabase("audit");
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
});
afterAll(async () => {
  await Promise.all(open.map((q) => q.stop({ graceful: false, timeoutMs: 100 })));
  await pool.end();
  await db.drop();
});

async function queueOn(schema: string, queue: string, extra: { leaseSeconds?: number; expireInSeconds?: number } = {}) {
  const jobs = createJobQueue({ databaseUrl: db.url, schema, queues: [queue], ...extra });
  await jobs.start();
  open.push(jobs);
  return jobs;
}

async function states(schema: string): Promise<Record<string, string>> {
  const { rows } = await pool.query(`SELECT data->>'name' AS name, state FROM ${schema}.job`);
  return Object.fromEntries(rows.map((r) => [r.name, r.state]));
}

describe("the job worker loop", () => {
  it("completes each job the moment it is done, while its neighbours still run", async () => {
    const jobs = await queueOn("jobs_each", "work");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await jobs.send("work", { name: "slow" });
    await jobs.send("work", { name: "quick" });
    await jobs.work<{ name: string }>("work", { concurrency: 2 }, async (job) => {
      if (job.data.name === "slow") await held;
    });
    await expect.poll(() => states("jobs_each"), { timeout: 10_000 }).toEqual({ slow: "active", quick: "completed" });
    release();
    await expect
      .poll(() => states("jobs_each"), { timeout: 10_000 })
      .toEqual({ slow: "completed", quick: "completed" });
  });

  it("takes waiting jobs back to back instead of sleeping out the polling interval between them", async () => {
    const jobs = await queueOn("jobs_busy", "work");
    for (let i = 0; i < 40; i++) await jobs.send("work", { name: `j${i}` });
    let done = 0;
    const started = Date.now();
    // With a 5 s interval, sleeping between jobs would take minutes.
    await jobs.work("work", { concurrency: 1, pollingIntervalSeconds: 5 }, async () => {
      done++;
    });
    await expect.poll(() => done, { timeout: 20_000 }).toBe(40);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("hands a SIGKILLed worker's jobs to another worker within seconds", async () => {
    const producer = await queueOn("jobs_killed", "work", { leaseSeconds: 2 });
    for (let i = 0; i < 3; i++) await producer.send("work", { name: `j${i}` });
    const child: ChildProcess = spawn(
      process.execPath,
      ["--import", "tsx", path.join(here, "fixtures/hanging-worker.ts"), db.url, "jobs_killed", "work"],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let taken = 0;
    child.stdout?.on("data", (chunk: Buffer) => (taken += chunk.toString().split("took").length - 1));
    await expect.poll(() => taken, { timeout: 30_000 }).toBe(3);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const killedAt = Date.now();

    const seen = new Set<string>();
    await producer.work<{ name: string }>("work", { concurrency: 3 }, async (job) => {
      seen.add(job.data.name);
    });
    await expect.poll(() => seen.size, { timeout: 30_000 }).toBe(3);
    expect(Date.now() - killedAt).toBeLessThan(12_000);
  });

  it("keeps a live worker's long job to itself: its lease is renewed while it runs", async () => {
    const first = await queueOn("jobs_long", "work", { leaseSeconds: 1 });
    const second = await queueOn("jobs_long", "work", { leaseSeconds: 1 });
    await first.send("work", { name: "long" });
    let runs = 0;
    const handler = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 4_000));
    };
    await first.work("work", { concurrency: 1 }, handler);
    await second.work("work", { concurrency: 1 }, handler);
    await expect.poll(() => states("jobs_long"), { timeout: 15_000 }).toEqual({ long: "completed" });
    expect(runs).toBe(1);
  });

  it("fails a job whose handler outlives the time limit, so it is retried or dead-lettered", async () => {
    const jobs = await queueOn("jobs_limit", "work", { expireInSeconds: 1 });
    await jobs.send("work", { name: "hung" }, { retryLimit: 0 });
    await jobs.work("work", { concurrency: 1 }, () => new Promise(() => {}));
    await expect.poll(() => states("jobs_limit"), { timeout: 10_000 }).toEqual({ hung: "failed" });
  });
});
