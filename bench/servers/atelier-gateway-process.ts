import { loadGatewayConfig } from "../../gateway/src/config";
import { createGateway } from "../../gateway/src/server";
import { announceReady } from "./child-process";

const gateway = await createGateway(loadGatewayConfig({ ...process.env, PORT: "0", HOST: "127.0.0.1" }));
announceReady({ url: gateway.url });
