import { runServiceProcess } from "@atelier/subgraph-kit";
import { buildServices } from "./bootstrap/build-services";
import { loadKnowledgeConfig } from "./config";
import { startIngestionWorker } from "./ingestion/start-worker";

// A worker-only process: ingests documents; API processes learn of its progress via status notices.
const config = loadKnowledgeConfig(process.env);
await runServiceProcess({ name: "knowledge-worker", ...config }, async () => {
  const services = await buildServices(config);
  await startIngestionWorker(services);
  services.log.info({ collection: services.collection }, "knowledge ingestion worker started");
  process.send?.({ ready: true });
  return {
    async stop() {
      // Running ingestions finish (or are handed out again after expiry) within the drain limit.
      await services.queue.stop({ graceful: true, timeoutMs: config.drainTimeoutMs });
      await Promise.all([services.bus.close(), services.store.close()]);
      await services.sql.end();
      await services.db.$disconnect();
    },
  };
});
