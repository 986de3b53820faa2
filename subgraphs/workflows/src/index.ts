import { runServiceProcess } from "@atelier/subgraph-kit";
import { loadWorkflowsConfig } from "./config";
import { createWorkflowsService } from "./server";

const config = loadWorkflowsConfig(process.env);
await runServiceProcess({ name: "workflows", ...config }, async () => {
  const service = await createWorkflowsService(config);
  console.log(`workflows subgraph at ${service.url}${config.worker.runInProcess ? " (worker in process)" : ""}`);
  return service;
});
