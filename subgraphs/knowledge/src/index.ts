import { loadKnowledgeConfig } from "./config";
import { createKnowledgeService } from "./server";

const config = loadKnowledgeConfig(process.env);
const service = await createKnowledgeService(config);
service.services.log.info({ url: service.url, worker: config.runWorker }, "knowledge subgraph listening");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    service.stop().finally(() => process.exit(0));
  });
}
