/**
 * Job-queue throughput: N no-op jobs drained by this package's worker loop, next to the same
 * jobs drained by pg-boss's own work() loop as the queue used it before (the reference, same run).
 *   npx tsx bench/job-queue.ts   (JOBS, TEST_DATABASE_URL)
 */

import { createJobQueue } from "@atelier/job-queue";
import { createTestDatabase } from "@atelier/testing";
import PgBoss from "pg-boss";

const N = Number(process.env.JOBS ?? 1000);
const db = await createTestDatabase("audit");
async function measure(label: string, run: (done: () => void) => Promise<() => Promise<void>>) {
  let done = 0;
  let resolveAll!: () => void;
  const all = new Promise<void>((r) => (resolveAll = r));
  const t0 = Date.now();
  const stop = await run(() => {
    if (++done === N) resolveAll();
  });
  await all;
  const s = (Date.now() - t0) / 1000;
  console.log(`${label}: ${N} jobs in ${s.toFixed(1)} s = ${(N / s).toFixed(0)} jobs/s`);
  await stop();
}
// Reference: pg-boss's own work() loop as the queue used it before (batch of 1 per loop, 4 loops, 0.5 s polling).
{
  const boss = new PgBoss({ connectionString: db.url, schema: "bench_ref", max: 4 });
  await boss.start();
  await boss.createQueue("q");
  await boss.insert(Array.from({ length: N }, (_, i) => ({ name: "q", data: { i } })));
  await measure("reference pg-boss work(), 4 loops x batch 1", async (tick) => {
    for (let i = 0; i < 4; i++) await boss.work("q", { batchSize: 1, pollingIntervalSeconds: 0.5 }, async () => tick());
    return () => boss.stop({ graceful: false, wait: true });
  });
}
{
  const q = createJobQueue({ databaseUrl: db.url, schema: "bench_new", queues: ["q"] });
  await q.start();
  const boss = new PgBoss({ connectionString: db.url, schema: "bench_new", max: 2 });
  await boss.start();
  await boss.insert(Array.from({ length: N }, (_, i) => ({ name: "q", data: { i } })));
  await boss.stop({ graceful: false, wait: true });
  await measure("job-queue work(), concurrency 4", async (tick) => {
    await q.work("q", { concurrency: 4 }, async () => tick());
    return () => q.stop({ timeoutMs: 1000 });
  });
}
await db.drop();
