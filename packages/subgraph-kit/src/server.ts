import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap } from "@apollo/server";
import {
  CLIENT_IP_HEADER,
  CLIENT_USER_AGENT_HEADER,
  createInternalTokenVerifier,
  IDENTITY_HEADER,
  type InternalTokenVerifier,
} from "@atelier/internal-auth";
import { type Logger, REQUEST_ID_HEADER, requestIdFrom, requestLogger } from "@atelier/logging";
import {
  endSpan,
  logAccess,
  type ReadinessCheck,
  sendMetrics,
  sendReadinessOf,
  startServerSpan,
  trackHttpServer,
  withActiveSpan,
} from "@atelier/service-runtime";
import type { DocumentNode } from "graphql";
import { createApolloSubgraph, subgraphSchema } from "./apollo";
import type { BaseContext } from "./context";
import { BodyTooLargeError, graphqlError, readBody, sendJson } from "./http-body";
import { answerPerViewer, PER_VIEWER_HEADER } from "./per-viewer";
import { createPerViewerExecutor } from "./per-viewer-execution";

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  verifier: InternalTokenVerifier,
) => Promise<void>;

export interface SubgraphServerOptions<C extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: unknown;
  port: number;
  host?: string;
  /** The gateway's public key (PEM or JWK JSON): requests must carry an identity it signed. */
  internalPublicKey: string;
  logger: Logger;
  introspection?: boolean;
  maxBodyBytes?: number;
  buildContext: (base: BaseContext) => C | Promise<C>;
  /** Plain HTTP routes by exact path; they check credentials themselves. */
  routes?: Record<string, RouteHandler>;
  /** What `/ready` checks besides draining: e.g. the database and the event bus. */
  readiness?: Record<string, ReadinessCheck>;
  /** How long `stop()` lets requests in flight finish (default 10 s). */
  drainTimeoutMs?: number;
}

export interface SubgraphServer {
  url: string;
  port: number;
  httpServer: Server;
  stop(): Promise<void>;
}

/** A federated subgraph over node:http that trusts only the gateway's signed identity. */
export async function createSubgraphServer<C extends BaseContext>(
  opts: SubgraphServerOptions<C>,
): Promise<SubgraphServer> {
  const verifier = createInternalTokenVerifier({ publicKey: opts.internalPublicKey });
  const schema = subgraphSchema(opts.typeDefs, opts.resolvers);
  const introspection = opts.introspection ?? true;
  const apollo = createApolloSubgraph<C>({ schema, introspection });
  await apollo.start();
  const maxBody = opts.maxBodyBytes ?? 1_048_576;

  const perViewer = {
    execute: createPerViewerExecutor({ apollo, schema, introspection }),
    verifier,
    logger: opts.logger,
    maxBody,
    buildContext: opts.buildContext,
  };

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) {
    if (req.method === "POST" && req.headers[PER_VIEWER_HEADER] !== undefined) {
      const span = startServerSpan(opts.name, "graphql per-viewer", req.headers);
      res.once("close", () => endSpan(span, res.statusCode >= 500 ? new Error(`HTTP ${res.statusCode}`) : undefined));
      return withActiveSpan(span, () => answerPerViewer(perViewer, req, res, requestId, clientFrom(req)));
    }
    let identity: BaseContext["identity"];
    try {
      identity = await verifier.verify(req.headers[IDENTITY_HEADER] as string | undefined);
    } catch (error) {
      opts.logger.warn({ requestId, reason: (error as Error).message }, "refused request without gateway identity");
      return sendJson(res, 401, graphqlError("Requests must come through the gateway.", "UNAUTHENTICATED"));
    }
    const body = req.method === "POST" ? await readBody(req, maxBody) : "";
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let parsedBody: unknown;
    try {
      parsedBody = body ? JSON.parse(body) : undefined;
    } catch {
      return sendJson(res, 400, graphqlError("Request body is not valid JSON.", "BAD_REQUEST"));
    }
    const operation = (parsedBody as { operationName?: unknown } | undefined)?.operationName;
    const span = startServerSpan(
      opts.name,
      typeof operation === "string" ? `graphql ${operation}` : "graphql",
      req.headers,
    );
    res.once("close", () => endSpan(span, res.statusCode >= 500 ? new Error(`HTTP ${res.statusCode}`) : undefined));
    const result = await withActiveSpan(span, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "POST", headers, search: url.search, body: parsedBody },
        context: async () => {
          const log = requestLogger(opts.logger, {
            requestId,
            tenantId: "tenantId" in identity ? identity.tenantId : null,
          });
          return opts.buildContext({ identity, requestId, log, client: clientFrom(req) });
        },
      }),
    );
    const responseHeaders: Record<string, string> = { [REQUEST_ID_HEADER]: requestId };
    for (const [key, value] of result.headers) responseHeaders[key] = value;
    res.writeHead(result.status ?? 200, responseHeaders);
    if (result.body.kind === "complete") return void res.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  const readiness = opts.readiness ?? {};
  const httpServer = createServer((req, res) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    logAccess(opts.logger, req, res, requestId);
    const url = new URL(req.url ?? "/", "http://subgraph");
    const route = opts.routes?.[url.pathname];
    const work =
      url.pathname === "/health"
        ? Promise.resolve(sendJson(res, 200, { status: "ok", service: opts.name }))
        : url.pathname === "/graphql"
          ? handleGraphQL(req, res, url, requestId)
          : url.pathname === "/ready"
            ? sendReadinessOf(res, readiness, drain.draining)
            : url.pathname === "/metrics"
              ? sendMetrics(res)
              : route
                ? route(req, res, verifier)
                : Promise.resolve(sendJson(res, 404, { error: "not found" }));
    work.catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, graphqlError(error.message, "BAD_REQUEST"));
      opts.logger.error({ err: error }, "request failed");
      if (!res.headersSent) sendJson(res, 500, graphqlError("Unexpected error.", "INTERNAL_SERVER_ERROR"));
      else res.end();
    });
  });
  httpServer.keepAliveTimeout = 65_000;
  const drain = trackHttpServer(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(opts.port, opts.host ?? "127.0.0.1", resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? "127.0.0.1"}:${port}/graphql`,
    port,
    httpServer,
    async stop() {
      const finished = await drain.drain(opts.drainTimeoutMs ?? 10_000);
      if (!finished)
        opts.logger.warn({ drainTimeoutMs: opts.drainTimeoutMs }, "requests still running were cut at the drain limit");
      await apollo.stop();
    },
  };
}

const MAX_FORWARDED_LENGTH = 512;

/** The client the gateway forwarded; only requests carrying the gateway's token get this far. */
function clientFrom(req: IncomingMessage): BaseContext["client"] {
  const read = (name: string) => {
    const value = req.headers[name];
    return typeof value === "string" && value ? value.slice(0, MAX_FORWARDED_LENGTH) : null;
  };
  return { ip: read(CLIENT_IP_HEADER), userAgent: read(CLIENT_USER_AGENT_HEADER) };
}
