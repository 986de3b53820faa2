import { runServiceProcess } from "@atelier/subgraph-kit";
import { loadKnowledgeConfig } from "./config";
import { startIngestionWorker } from "./ingestion/start-worker";
import { buildServices, closeServices } from "./services";

// A worker-only process: ingests documents; API processes learn of its progress via status notices.
const config = loadKnowledgeConfig(process.env);
await runServiceProcess({ name: "knowledge-worker", ...config }, async () => {
  const services = await buildServices(config);
  await startIngestionWorker(services);
  services.log.info({ collection: services.collection }, "knowledge ingestion worker started");
  process.send?.({ ready: true });
  return {
    stop: () => closeServices(services, { closeBus: true }),
  };
});
