import { APP_ROLE } from "@atelier/db";
import { createEventBus } from "@atelier/event-bus";
import { createJobQueue } from "@atelier/job-queue";
import { createLogger } from "@atelier/logging";
import { runServiceProcess } from "@atelier/subgraph-kit";
import { loadCreativeConfig } from "./config";
import { createCreativePrisma, createCreativeSqlPool } from "./data/db";
import { FINAL_QUEUE, SAMPLES_QUEUE } from "./domain/enqueue-in-transaction";
import { createBuiltinProvider } from "./generation/builtin-provider";
import { createHttpProvider } from "./generation/http-provider";
import { startGenerationWorker } from "./generation/start-generation-worker";
import type { CreativeServices } from "./services";
import { createBlobStore } from "./storage/create-blob-store";

// A worker-only process: generation phases from the durable queue, no HTTP server. Local-disk
// storage needs STORAGE_DIR shared with the API process.
const config = loadCreativeConfig(process.env);
const log = createLogger({ service: "creative-worker", level: config.logLevel });
const queue = createJobQueue({
  databaseUrl: config.databaseUrl,
  schema: "jobs_creative",
  queues: [SAMPLES_QUEUE, FINAL_QUEUE],
  expireInSeconds: config.jobExpireSeconds,
  // Generations are enqueued inside tenant transactions, which act as the row-level-security role.
  enqueueRole: APP_ROLE,
  onError: (err) => log.error({ err }, "job queue error"),
});
await queue.start();
const { blobs } = createBlobStore(config, () => config.publicUrl ?? "", log);
const providers = new Map([["builtin", createBuiltinProvider()]]);
const { httpUrl, httpToken, httpTimeoutMs } = config.generation;
if (httpUrl) providers.set("http", createHttpProvider({ url: httpUrl, token: httpToken, timeoutMs: httpTimeoutMs }));
const services: CreativeServices = {
  db: createCreativePrisma({ databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax }),
  sql: createCreativeSqlPool({
    databaseUrl: config.databaseUrl,
    poolMax: config.databasePoolMax,
    onIdleError: (err) => log.warn({ err }, "idle read connection closed"),
  }),
  config,
  blobs,
  queue,
  bus: createEventBus({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl }, (err) =>
    log.error({ err }, "event bus error"),
  ),
  providers,
  log,
};
await runServiceProcess({ name: "creative-worker", ...config }, async () => {
  await startGenerationWorker(services);
  log.info("creative worker ready");
  return {
    async stop() {
      // Running generation phases finish (or are handed out again after expiry) within the drain limit.
      await queue.stop({ graceful: true, timeoutMs: config.drainTimeoutMs });
      await services.bus.close();
      await services.db.$disconnect();
      await services.sql.end();
    },
  };
});
