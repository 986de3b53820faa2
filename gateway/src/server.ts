import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createInternalTokenSigner } from "@atelier/internal-auth";
import { createLogger, REQUEST_ID_HEADER, requestIdFrom } from "@atelier/logging";
import { logAccess, sendMetrics, trackHttpServer } from "@atelier/service-runtime";
import { createCurrentAccessResolver } from "./access/current-access";
import type { AdmissionDeps } from "./admission/admit-operation";
import { createSubscriptionAdmission } from "./admission/admit-subscription";
import { createAuthenticator } from "./auth/authenticate";
import { createIdentityInternalClient } from "./auth/identity-internal-client";
import type { GatewayConfig } from "./config";
import { createApolloServer } from "./federation/apollo-server";
import { createFastPath } from "./federation/fast-path/fast-path";
import { createKeepAliveFetcher } from "./federation/keep-alive-fetcher";
import { readSupergraph, subgraphEndpoints } from "./federation/supergraph";
import { exposeEventBusMetrics } from "./http/event-bus-metrics";
import { sendGraphQLError } from "./http/graphql-error-response";
import { createGraphQLHandler } from "./http/handle-graphql";
import { sendHealth, sendReadiness } from "./http/health";
import { serveIdeAsset, serveIdePage } from "./ide/serve-ide";
import { createPartnerAccess } from "./partner-access";
import { loadLiveFields } from "./subscriptions/live-fields";
import { startSubscriptions } from "./subscriptions/start-subscriptions";

export interface RunningGateway {
  url: string;
  port: number;
  /** The listening server, for attaching a WebSocket server on /graphql. */
  httpServer: Server;
  stop(): Promise<void>;
}

const GRAPHQL_PATH = "/graphql";

function wantsHtml(req: IncomingMessage, url: URL): boolean {
  return req.method === "GET" && !url.searchParams.has("query") && (req.headers.accept ?? "").includes("text/html");
}

/** Builds and starts the gateway; port 0 picks a free port. */
export async function createGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger({ service: "gateway", level: config.logLevel });
  const supergraphSdl = readSupergraph(config.supergraphPath);
  const subgraphs = subgraphEndpoints(supergraphSdl, config.subgraphUrls);
  const signer = createInternalTokenSigner({
    privateKey: config.internalJwtPrivateKey,
    ttlSeconds: config.internalJwtTtlSeconds,
  });
  const keepAlive = createKeepAliveFetcher();
  const fetcher = config.subgraphFetcher === "keep-alive" ? keepAlive.fetcher : undefined;
  const partners = createPartnerAccess(
    {
      identityInternalUrl: config.identityInternalUrl,
      databaseUrl: config.subscriptions.databaseUrl,
      redisUrl: config.redisUrl,
      persistedOperations: config.persistedOperations,
      rateLimits: config.rateLimits,
      usageFlushMs: config.usageFlushMs,
    },
    signer,
    logger,
  );
  const { apollo, apiSchema, gateway } = createApolloServer(config, {
    supergraphSdl,
    subgraphs,
    signer,
    fetcher,
    logger,
    usage: partners.usage,
  });
  await apollo.start();
  const fastPath = config.fastPath ? createFastPath(gateway, config, subgraphs, signer) : undefined;
  let live: ReturnType<typeof loadLiveFields>;
  try {
    live = loadLiveFields(config.subscriptions.registryPath, apiSchema(), logger);
  } catch (error) {
    // Subscriptions that would share one viewer's data with another: the gateway does not start.
    await apollo.stop();
    await partners.close();
    await keepAlive.close();
    throw error;
  }
  exposeEventBusMetrics(partners.bus);
  const access = createCurrentAccessResolver({
    identity: createIdentityInternalClient({ baseUrl: config.identityInternalUrl, signer }),
    bus: partners.bus,
    logger,
  });
  const authenticate = createAuthenticator(config, signer, access);
  const admission: AdmissionDeps = {
    rateLimiter: partners.rateLimiter,
    persisted: partners.persisted,
    limits: config.limits,
  };
  const handleGraphQL = createGraphQLHandler({
    apollo,
    authenticate,
    limits: config.limits,
    trustProxyHops: config.trustProxyHops,
    logger,
    admission,
    fastPath,
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    logAccess(logger, req, res, requestId);
    const url = new URL(req.url ?? "/", "http://gateway");
    try {
      if (url.pathname === GRAPHQL_PATH && (req.method === "POST" || req.method === "GET")) {
        if (wantsHtml(req, url)) return serveIdePage(res);
        return await handleGraphQL(req, res, url, requestId);
      }
      if (req.method === "GET" && url.pathname === "/health") return sendHealth(res);
      if (req.method === "GET" && url.pathname === "/ready")
        return await sendReadiness(res, subgraphs, drain.draining, { eventBus: () => partners.bus.check() });
      if (req.method === "GET" && url.pathname === "/metrics") return await sendMetrics(res);
      if (req.method === "GET" && serveIdeAsset(url.pathname, res)) return;
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
    } catch (error) {
      logger.error({ err: error, requestId }, "unexpected error handling request");
      if (!res.headersSent) sendGraphQLError(res, 500, "INTERNAL_SERVER_ERROR", "Unexpected error.");
      else res.destroy();
    }
  }

  const httpServer = createServer({ keepAliveTimeout: 65_000 }, (req, res) => void route(req, res));
  const drain = trackHttpServer(httpServer);
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const subscriptions = await startSubscriptions(config, {
    httpServer,
    path: GRAPHQL_PATH,
    apollo,
    gateway,
    subgraphs,
    signer,
    apiSchema,
    authenticate,
    logger,
    bus: partners.bus,
    admit: createSubscriptionAdmission(admission, config.trustProxyHops),
    access,
    live,
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  logger.info({ port, subgraphs: subgraphs.map((s) => s.name) }, "gateway listening");

  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    port,
    httpServer,
    async stop() {
      // Requests in flight finish first; subscriptions then close with 1001 (going away).
      const finished = await drain.drain(config.drainTimeoutMs);
      if (!finished)
        logger.warn({ drainTimeoutMs: config.drainTimeoutMs }, "requests still running were cut at the drain limit");
      await subscriptions.close();
      await apollo.stop();
      await partners.close();
      await keepAlive.close();
      await fastPath?.close();
    },
  };
}
