import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import { type Logger, requestLogger } from "@atelier/logging";
import type { Authenticate } from "../auth/authenticate";
import { AuthenticationError } from "../auth/authentication-error";
import type { RequestLimits } from "../config";
import type { GatewayContext } from "../context";
import { sendGraphQLError } from "./graphql-error-response";
import { BodyTooLargeError, readBody } from "./read-body";

export interface GraphQLHandlerDeps {
  apollo: ApolloServer<GatewayContext>;
  authenticate: Authenticate;
  limits: RequestLimits;
  logger: Logger;
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

/** POST and GET /graphql: body limit, batch limit, authentication once, then Apollo. */
export function createGraphQLHandler(deps: GraphQLHandlerDeps) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> => {
    let body: unknown;
    if (req.method === "POST") {
      try {
        const text = await readBody(req, deps.limits.maxBodyBytes);
        body = parseJson(text);
        if (body === null) return sendGraphQLError(res, 400, "BAD_REQUEST", "request body is not valid JSON");
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

    const tenantId = identity.kind === "user" || identity.kind === "apiClient" ? identity.tenantId : null;
    const actor =
      identity.kind === "user" ? identity.userId : identity.kind === "apiClient" ? identity.apiClientId : null;
    const context: GatewayContext = {
      identity,
      requestId,
      logger: requestLogger(deps.logger, { requestId, tenantId, actor }),
    };
    const response = await deps.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers: toHeaderMap(req), search: url.search, body },
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
