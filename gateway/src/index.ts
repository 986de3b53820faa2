import { createLogger } from "@atelier/logging";
import { collectProcessMetrics, startTracing, stopOnSignals } from "@atelier/service-runtime";
import { loadGatewayConfig } from "./config";
import { createGateway } from "./server";

// The process entrypoint: the only place, with config.ts, that touches process.env.
const config = loadGatewayConfig(process.env);
collectProcessMetrics("gateway");
const tracing = await startTracing({ service: "gateway", otlpEndpoint: config.otlpEndpoint });
const gateway = await createGateway(config);

stopOnSignals(
  {
    async stop() {
      await gateway.stop();
      await tracing.shutdown();
    },
  },
  createLogger({ service: "gateway", level: config.logLevel }),
);
