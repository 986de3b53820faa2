import { createLogger } from "@atelier/logging";
import { runServiceProcess } from "@atelier/subgraph-kit";
import { loadWorkflowsConfig } from "./config";
import { startRunWorker } from "./engine/start-worker";
import { createWorkflowServices } from "./services";

/** A worker process: executes workflow runs from the durable queue, serves no HTTP. */
const config = loadWorkflowsConfig({ INTERNAL_JWT_PUBLIC_KEY: "unused-by-the-worker", ...process.env });
await runServiceProcess({ name: "workflows-worker", ...config }, async () => {
  const logger = createLogger({ service: "workflows-worker", level: config.logLevel });
  const { services, close } = await createWorkflowServices(config, logger);
  await startRunWorker(services);
  process.send?.({ ready: true });
  return { stop: () => close({ drainTimeoutMs: config.drainTimeoutMs }) };
});
