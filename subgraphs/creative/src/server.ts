import { createLogger } from "@atelier/logging";
import { collectJobQueueMetrics } from "@atelier/service-runtime";
import {
  createSubgraphServer,
  databaseAndBusReadiness,
  runningSubgraph,
  serverOptionsOf,
  tenantActor,
} from "@atelier/subgraph-kit";
import type { CreativeConfig } from "./config";
import type { Context } from "./context";
import { createLoaders } from "./data/loaders";
import { startGenerationWorker } from "./generation/start-generation-worker";
import { resolvers } from "./resolvers/index";
import { creativeTypeDefs } from "./schema/index";
import { createCreativeScope } from "./scope/creative-scope";
import { type CreativeServiceDeps, type CreativeServices, createCreativeServices } from "./services";

export interface CreativeDeps extends Omit<CreativeServiceDeps, "publicUrl"> {
  workerPollingIntervalSeconds?: number;
}

export interface CreativeService {
  url: string;
  port: number;
  services: CreativeServices;
  stop(): Promise<void>;
}

/** Builds the creative subgraph: its services (services.ts), the HTTP server and (optionally) the worker. */
export async function createCreativeService(config: CreativeConfig, deps: CreativeDeps = {}): Promise<CreativeService> {
  const log = createLogger({ service: "creative", level: config.logLevel });
  let baseUrl = config.publicUrl ?? "";
  const { services, routes, close } = await createCreativeServices(config, log, { ...deps, publicUrl: () => baseUrl });
  const { sql, bus } = services;
  const server = await createSubgraphServer<Context>({
    name: "creative",
    typeDefs: creativeTypeDefs,
    resolvers,
    ...serverOptionsOf(config),
    logger: log,
    buildContext: (base) => {
      // Lazy: the actor (and an anonymous caller's error) comes on the first read, write or guard.
      const scope = createCreativeScope(services, () => tenantActor(base.identity, base.requestId));
      return { ...base, services, scope, loaders: createLoaders(scope) };
    },
    routes,
    readiness: databaseAndBusReadiness(() => sql.query("SELECT 1"), bus),
  });
  collectJobQueueMetrics("jobs_creative", (text) => sql.query(text));
  const host = config.host === "0.0.0.0" ? "127.0.0.1" : config.host;
  baseUrl ||= `http://${host}:${server.port}`;
  if (config.runWorker)
    await startGenerationWorker(services, { pollingIntervalSeconds: deps.workerPollingIntervalSeconds });
  log.info({ url: server.url, worker: config.runWorker, storage: services.blobs.kind }, "creative subgraph ready");
  return runningSubgraph(server, services, close);
}
