import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineSubgraphTest, type Subgraph } from "@atelier/testing";
import { loadCreativeConfig } from "../src/config";
import { type CreativeDeps, type CreativeService, createCreativeService } from "../src/server";

/** The creative service, its blobs in a temporary directory removed when it stops. */
export const creativeTest = defineSubgraphTest({
  service: "creative",
  env: { STORAGE_SIGNING_SECRET: "test-secret-test-secret-test-secret-0123", JOB_EXPIRE_SECONDS: "30" },
  async start(env, deps: CreativeDeps | undefined) {
    const storageDir = mkdtempSync(path.join(tmpdir(), "creative-blobs-"));
    const config = loadCreativeConfig({ STORAGE_DIR: storageDir, ...env });
    const service = await createCreativeService(config, deps);
    const stopService = service.stop;
    return Object.assign(service, {
      config,
      async stop() {
        await stopService();
        rmSync(storageDir, { recursive: true, force: true });
      },
    });
  },
});

export type CreativeSubgraph = Subgraph<CreativeService & { config: ReturnType<typeof loadCreativeConfig> }>;
