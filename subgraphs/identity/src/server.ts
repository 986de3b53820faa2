import {
  createSubgraphServer,
  databaseAndBusReadiness,
  runningSubgraph,
  type SubgraphServer,
  serverOptionsOf,
} from "@atelier/subgraph-kit";
import type { IdentityConfig } from "./config";
import { buildContext, type IdentityContext, type IdentityServices } from "./context";
import { identityRoutes } from "./http/routes";
import { resolvers } from "./resolvers/index";
import { identityTypeDefs } from "./schema/index";
import { createIdentityServices, type IdentityServiceDeps } from "./services";

export type { IdentityServiceDeps } from "./services";

export interface IdentityService extends SubgraphServer {
  services: IdentityServices;
}

/** Builds and starts the identity subgraph; `config.port` 0 picks a free port (tests). */
export async function createIdentityService(
  config: IdentityConfig,
  deps: IdentityServiceDeps = {},
): Promise<IdentityService> {
  const { services, close } = await createIdentityServices(config, deps);
  const { db, bus, log } = services;
  const server = await createSubgraphServer<IdentityContext>({
    name: "identity",
    typeDefs: identityTypeDefs,
    resolvers,
    ...serverOptionsOf(config),
    logger: log,
    buildContext: (base) => buildContext(base, services),
    routes: identityRoutes(services),
    readiness: databaseAndBusReadiness(() => db.$queryRawUnsafe("SELECT 1"), bus),
  });
  log.info({ url: server.url }, "identity subgraph listening");
  return { ...server, ...runningSubgraph(server, services, close) };
}
