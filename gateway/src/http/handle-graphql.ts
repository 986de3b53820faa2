import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import { type Logger, requestLogger } from "@atelier/logging";
import { endSpan, startServerSpan } from "@atelier/service-runtime";
import type { AdmissionDeps } from "../admission/admit-operation";
import type { Authenticate } from "../auth/authenticate";
import { AuthenticationError } from "../auth/authentication-error";
import type { RequestLimits } from "../config";
import type { GatewayContext } from "../context";
import type { FastPath } from "../federation/fast-path/fast-path";
import { clientInfo } from "./client-info";
import { sendGraphQLError } from "./graphql-error-response";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "./json-depth";
import { prepareRequest } from "./prepare-operations";
import { BodyTooLargeError, readBody } from "./read-body";

export interface GraphQLHandlerDeps {
  apollo: ApolloServer<GatewayContext>;
  authenticate: Authenticate;
  /** Body and batch size; the rest of the limits are admission's. */
  limits: Pick<RequestLimits, "maxBodyBytes" | "maxBatch">;
  /** Proxies in front of the gateway whose X-Forwarded-For entries are trusted. */
  trustProxyHops: number;
  logger: Logger;
  /** Rate limit, persisted operations and limits: the same admission as subscriptions'. */
  admission: AdmissionDeps;
  /** Answers plain queries without Apollo's pipeline; undefined sends everything through Apollo. */
  fastPath?: FastPath;
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Parses a POST body; null when it is not JSON (Apollo then answers its own 400). */
function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * POST and GET /graphql: body limit, batch limit, authentication once, admission (rate limit,
 * persisted ids to documents, API clients held to their published ones), then the fast path or Apollo.
 */
export function createGraphQLHandler(deps: GraphQLHandlerDeps) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> => {
    let body: unknown;
    if (req.method === "POST") {
      try {
        const text = await readBody(req, deps.limits.maxBodyBytes);
        body = parseJson(text);
        if (body === null) return sendGraphQLError(res, 400, "BAD_REQUEST", "request body is not valid JSON");
        if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
          return sendGraphQLError(
            res,
            400,
            "BAD_USER_INPUT",
            `request JSON nests deeper than ${MAX_JSON_DEPTH} levels`,
          );
        }
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        return sendGraphQLError(res, 413, "BAD_REQUEST", error.message, { connection: "close" });
      }
      if (Array.isArray(body) && body.length > deps.limits.maxBatch) {
        const message = `batch of ${body.length} operations exceeds the maximum batch size of ${deps.limits.maxBatch}`;
        return sendGraphQLError(res, 400, "BAD_USER_INPUT", message);
      }
    }

    let identity: GatewayContext["identity"];
    try {
      identity = await deps.authenticate({
        authorization: firstHeader(req.headers.authorization),
        apiKey: firstHeader(req.headers["x-api-key"]),
      });
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      return sendGraphQLError(res, 401, "UNAUTHENTICATED", error.message, { "www-authenticate": "Bearer" });
    }

    const client = clientInfo(req, deps.trustProxyHops);
    const prepared = await prepareRequest(
      req.method === "POST" ? { body } : { url },
      { identity, clientAddress: client.ip ?? undefined },
      deps.admission,
    );
    if (!prepared.ok) {
      const { status, code, message, headers, extensions } = prepared.refusal;
      return sendGraphQLError(res, status, code, message, headers, extensions);
    }
    const { search, body: resolvedBody } = prepared;

    const tenantId = identity.kind === "user" || identity.kind === "apiClient" ? identity.tenantId : null;
    const actor =
      identity.kind === "user" ? identity.userId : identity.kind === "apiClient" ? identity.apiClientId : null;
    const span = startServerSpan("gateway", "graphql", req.headers);
    res.once("close", () => endSpan(span, res.statusCode >= 500 ? new Error(`HTTP ${res.statusCode}`) : undefined));
    const context: GatewayContext = {
      identity,
      requestId,
      logger: requestLogger(deps.logger, { requestId, tenantId, actor }),
      client,
      span,
    };
    if (deps.fastPath && req.method === "POST") {
      const fast = await deps.fastPath.execute({
        body: resolvedBody,
        contentType: req.headers["content-type"],
        accept: req.headers.accept,
        context,
      });
      if (fast) {
        // setHeader rather than writeHead, so Node sends a content-length as it does for Apollo's answers.
        res.setHeader("content-type", fast.contentType);
        res.setHeader("cache-control", fast.cacheControl);
        return void res.end(fast.body);
      }
    }
    const response = await deps.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers: toHeaderMap(req), search, body: resolvedBody },
      context: async () => context,
    });
    await writeResponse(res, response);
  };
}

async function writeResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  res.statusCode = response.status ?? 200;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (response.body.kind === "complete") {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
