import { runServiceProcess } from "@atelier/subgraph-kit";
import { loadIdentityConfig } from "./config";
import { createIdentityService } from "./server";

export { type IdentityConfig, loadIdentityConfig } from "./config";
export { createIdentityService, type IdentityService, type IdentityServiceDeps } from "./server";

// Started directly (`tsx subgraphs/identity/src/index.ts`): boot from the environment.
if (import.meta.url === `file://${process.argv[1]}`) {
  const config = loadIdentityConfig(process.env);
  await runServiceProcess({ name: "identity", ...config }, () => createIdentityService(config));
}
