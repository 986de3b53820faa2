import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type InternalTokenVerifier,
  MAX_VIEWERS_PER_REQUEST,
  PER_VIEWER_HEADER,
  type PerViewerRequest,
} from "@atelier/internal-auth";
import { type Logger, REQUEST_ID_HEADER, requestLogger } from "@atelier/logging";
import { Kind, parse } from "graphql";
import type { BaseContext } from "./context";
import { graphqlError, readBody, sendJson } from "./http-body";
import type { PerViewerExecutor } from "./per-viewer-execution";

export { PER_VIEWER_HEADER };

export interface PerViewerDeps<C extends BaseContext> {
  execute: PerViewerExecutor<C>;
  verifier: InternalTokenVerifier;
  logger: Logger;
  maxBody: number;
  buildContext: (base: BaseContext) => C | Promise<C>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The request, when it is one read-only operation. */
function requestOf(body: unknown): PerViewerRequest | string {
  if (!isObject(body) || !isObject(body.viewers) || !isObject(body.request))
    return 'A per-viewer request is {"viewers": {identities, token}, "request": {query, variables}}.';
  if (typeof body.viewers.identities !== "string" || typeof body.viewers.token !== "string")
    return 'A per-viewer request is {"viewers": {identities, token}, "request": {query, variables}}.';
  const { viewers, request } = body as unknown as PerViewerRequest;
  if (typeof request.query !== "string") return "A per-viewer request's operation must be a query string.";
  if (request.variables !== undefined && !isObject(request.variables)) return "Variables must be an object.";
  if (request.operationName !== undefined && typeof request.operationName !== "string")
    return "operationName must be a string.";
  // Reads only: one request never writes once per viewer.
  try {
    const document = parse(request.query, { noLocation: true });
    const writes = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation !== "query");
    if (writes) return "A per-viewer request may only read.";
  } catch {
    return "The per-viewer request's query does not parse.";
  }
  return { viewers, request };
}

/**
 * Answers a per-viewer request (see @atelier/internal-auth's per-viewer.ts): the operation runs
 * once per viewer with that viewer's own context (loaders, logger, tenant scope), as a request of
 * its own would, minus the HTTP round trip (per-viewer-execution.ts); results come back in the
 * viewers' order.
 */
export async function answerPerViewer<C extends BaseContext>(
  deps: PerViewerDeps<C>,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  client: BaseContext["client"],
): Promise<void> {
  const text = await readBody(req, deps.maxBody);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return sendJson(res, 400, graphqlError("Request body is not valid JSON.", "BAD_REQUEST"));
  }
  const parsed = requestOf(body);
  if (typeof parsed === "string") return sendJson(res, 400, graphqlError(parsed, "BAD_REQUEST"));
  let identities: BaseContext["identity"][];
  try {
    identities = await deps.verifier.verifyViewers(parsed.viewers);
  } catch (error) {
    deps.logger.warn(
      { requestId, reason: (error as Error).message },
      "refused per-viewer request without gateway identities",
    );
    return sendJson(res, 401, graphqlError("Requests must come through the gateway.", "UNAUTHENTICATED"));
  }
  if (identities.length > MAX_VIEWERS_PER_REQUEST)
    return sendJson(
      res,
      400,
      graphqlError(`A per-viewer request reads for at most ${MAX_VIEWERS_PER_REQUEST} viewers.`, "BAD_REQUEST"),
    );
  const { query, variables, operationName } = parsed.request;
  const operation = {
    query: query as string,
    variables: variables as Record<string, unknown> | undefined,
    operationName: operationName as string | undefined,
  };
  const results = await Promise.all(
    identities.map(async (identity) => {
      const tenantId = "tenantId" in identity ? identity.tenantId : null;
      const log = requestLogger(deps.logger, { requestId, tenantId });
      const contextValue = await deps.buildContext({ identity, requestId, log, client });
      return deps.execute(operation, contextValue);
    }),
  );
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", [REQUEST_ID_HEADER]: requestId });
  res.end(`{"results":[${results.join(",")}]}`);
}
