import { createLogger } from "@atelier/logging";
import { loadWorkflowsConfig } from "./config";
import { startRunWorker } from "./engine/start-worker";
import { createWorkflowServices } from "./services";

/** A worker process: executes workflow runs from the durable queue, serves no HTTP. */
const config = loadWorkflowsConfig({ INTERNAL_JWT_PUBLIC_KEY: "unused-by-the-worker", ...process.env });
const logger = createLogger({ service: "workflows-worker", level: config.logLevel });
const { services, close } = await createWorkflowServices(config, logger);
await startRunWorker(services);
process.send?.({ ready: true });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    close().then(() => process.exit(0));
  });
}
