import { buildServices } from "./bootstrap/build-services";
import { loadKnowledgeConfig } from "./config";
import { startIngestionWorker } from "./ingestion/start-worker";

// A worker-only process: ingests documents; API processes learn of its progress via status notices.
const config = loadKnowledgeConfig(process.env);
const services = await buildServices(config);
await startIngestionWorker(services);
services.log.info({ collection: services.collection }, "knowledge ingestion worker started");
process.send?.({ ready: true });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    services.queue
      .stop({ graceful: true, timeoutMs: 10_000 })
      .then(() => Promise.all([services.bus.close(), services.db.$disconnect()]))
      .finally(() => process.exit(0));
  });
}
