import { collectProcessMetrics } from "@atelier/service-runtime";
import { loadGatewayConfig } from "../../gateway/src/config";
import { createGateway } from "../../gateway/src/server";
import { announceReady } from "./child-process";

// As gateway/src/index.ts starts it (process metrics on; no OTLP endpoint, so no tracing SDK), on a free port.
collectProcessMetrics("gateway");
const gateway = await createGateway(loadGatewayConfig({ ...process.env, PORT: "0", HOST: "127.0.0.1" }));
announceReady({ url: gateway.url });
