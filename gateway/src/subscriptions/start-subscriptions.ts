import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { ApolloGateway } from "@apollo/gateway";
import type { ApolloServer } from "@apollo/server";
import type { EventBus } from "@atelier/event-bus";
import type { InternalTokenSigner } from "@atelier/internal-auth";
import type { Logger } from "@atelier/logging";
import type { GraphQLSchema } from "graphql";
import type { CurrentAccessResolver } from "../access/current-access";
import type { SubscriptionAdmission } from "../admission/admit-subscription";
import type { Authenticate } from "../auth/authenticate";
import type { GatewayConfig } from "../config";
import type { GatewayContext } from "../context";
import { createSubgraphClient } from "../federation/fast-path/subgraph-client";
import type { SubgraphEndpoint } from "../federation/supergraph";
import { createSocketAccessWatch } from "./access-watch";
import { coalesceCatchUps } from "./coalesce";
import type { LiveFields } from "./live-fields";
import type { CatchUpExecutor } from "./live-subscription";
import { createPlannedCatchUp } from "./planned-catch-up";
import { attachSubscriptionServer } from "./subscription-server";
import { TopicHub } from "./topic-hub";

export interface SubscriptionDeps {
  httpServer: Server;
  path: string;
  apollo: ApolloServer<GatewayContext>;
  /** Its planner and schemas plan catch-up reads once per document (planned-catch-up.ts). */
  gateway: ApolloGateway;
  subgraphs: SubgraphEndpoint[];
  signer: InternalTokenSigner;
  apiSchema: () => GraphQLSchema;
  authenticate: Authenticate;
  logger: Logger;
  /** Owned by the caller, who closes it. */
  bus: EventBus;
  admit: SubscriptionAdmission;
  access: CurrentAccessResolver;
  /** From loadLiveFields, checked before the gateway listens. */
  live: LiveFields;
}

/** Runs a catch-up query through the gateway itself: planned, authorised and limited like any query. */
function executorFor(apollo: ApolloServer<GatewayContext>, logger: Logger): CatchUpExecutor {
  return async (request, identity) => {
    const requestId = randomUUID();
    const response = await apollo.executeOperation(
      { query: request.query, variables: request.variables },
      {
        contextValue: {
          identity,
          requestId,
          logger: logger.child({ requestId, subscription: true }),
          client: { ip: null, userAgent: null },
        },
      },
    );
    if (response.body.kind !== "single") throw new Error("catch-up query answered incrementally");
    return response.body.singleResult as Awaited<ReturnType<CatchUpExecutor>>;
  };
}

/** graphql-ws on the gateway's path, fed by the event bus. */
export async function startSubscriptions(
  config: Pick<
    GatewayConfig,
    "allowAnonymous" | "fastPath" | "subscriptions" | "introspection" | "limits" | "publicFields"
  >,
  deps: SubscriptionDeps,
) {
  const { resyncMs } = config.subscriptions;
  const { registry, viewerDependence } = deps.live;
  // The hub connects to the bus on the first subscription, not at boot.
  const hub = new TopicHub(deps.bus);
  const accessWatch = createSocketAccessWatch({ authenticate: deps.authenticate, access: deps.access });
  const apolloReads = executorFor(deps.apollo, deps.logger);
  // FAST_PATH=false sends every read through Apollo, as it does every HTTP request.
  const client = config.fastPath ? createSubgraphClient() : undefined;
  const reads = client
    ? createPlannedCatchUp({
        gateway: deps.gateway,
        config,
        subgraphs: deps.subgraphs,
        signer: deps.signer,
        client,
        viewerDependence,
        fallback: apolloReads,
      })
    : apolloReads;
  const server = attachSubscriptionServer({
    httpServer: deps.httpServer,
    path: deps.path,
    getSchema: deps.apiSchema,
    authenticate: deps.authenticate,
    allowAnonymous: config.allowAnonymous,
    registry,
    viewerDependence,
    hub,
    execute: coalesceCatchUps(reads),
    logger: deps.logger,
    resyncMs,
    admit: deps.admit,
    accessWatch,
  });
  return {
    async close() {
      accessWatch.close();
      await server.close();
      await hub.close();
      await client?.close();
    },
  };
}
