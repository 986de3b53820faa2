import { loadIdentityConfig } from "./config";
import { createIdentityService } from "./server";

export { type IdentityConfig, loadIdentityConfig } from "./config";
export { createIdentityService, type IdentityService, type IdentityServiceDeps } from "./server";

// Started directly (`tsx subgraphs/identity/src/index.ts`): boot from the environment.
if (import.meta.url === `file://${process.argv[1]}`) {
  const service = await createIdentityService(loadIdentityConfig(process.env));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void service.stop().then(() => process.exit(0)));
  }
}
