import { loadGatewayConfig } from "./config";
import { createGateway } from "./server";

// The process entrypoint: the only place, with config.ts, that touches process.env.
const config = loadGatewayConfig(process.env);
const gateway = await createGateway(config);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void gateway.stop().then(() => process.exit(0));
  });
}
