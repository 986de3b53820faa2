import { loadWorkflowsConfig } from "./config";
import { createWorkflowsService } from "./server";

const config = loadWorkflowsConfig(process.env);
const service = await createWorkflowsService(config);
console.log(`workflows subgraph at ${service.url}${config.worker.runInProcess ? " (worker in process)" : ""}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    service.stop().then(() => process.exit(0));
  });
}
