import { runServiceProcess } from "@atelier/subgraph-kit";
import { loadKnowledgeConfig } from "./config";
import { createKnowledgeService } from "./server";

const config = loadKnowledgeConfig(process.env);
await runServiceProcess({ name: "knowledge", ...config }, async () => {
  const service = await createKnowledgeService(config);
  service.services.log.info({ url: service.url, worker: config.runWorker }, "knowledge subgraph listening");
  return service;
});
