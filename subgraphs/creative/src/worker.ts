import { createLogger } from "@atelier/logging";
import { runServiceProcess } from "@atelier/subgraph-kit";
import { loadCreativeConfig } from "./config";
import { startGenerationWorker } from "./generation/start-generation-worker";
import { createCreativeServices } from "./services";

// A worker-only process: generation phases from the durable queue, no HTTP server. Local-disk
// storage needs STORAGE_DIR shared with the API process.
const config = loadCreativeConfig(process.env);
const log = createLogger({ service: "creative-worker", level: config.logLevel });
await runServiceProcess({ name: "creative-worker", ...config }, async () => {
  const { services, close } = await createCreativeServices(config, log, { publicUrl: () => config.publicUrl ?? "" });
  await startGenerationWorker(services);
  log.info("creative worker ready");
  return { stop: close };
});
