import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type InternalTokenVerifier,
  MAX_VIEWERS_PER_REQUEST,
  PER_VIEWER_HEADER,
  type PerViewerRequest,
} from "@atelier/internal-auth";
import { type Logger, REQUEST_ID_HEADER, requestLogger } from "@atelier/logging";
import { z } from "zod";
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

const perViewerRequest: z.ZodType<PerViewerRequest> = z.object({
  viewers: z.object({ identities: z.string(), token: z.string() }),
  request: z.object({
    query: z.string(),
    variables: z.record(z.string(), z.unknown()).optional(),
    operationName: z.string().optional(),
  }),
});

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
  const shape = perViewerRequest.safeParse(body);
  if (!shape.success) {
    const message =
      'A per-viewer request is {"viewers": {identities, token}, "request": {query, variables?, operationName?}}.';
    return sendJson(res, 400, graphqlError(message, "BAD_REQUEST"));
  }
  const parsed = shape.data;
  const refusal = deps.execute.refusal(parsed.request.query);
  if (refusal) return sendJson(res, 400, graphqlError(refusal, "BAD_REQUEST"));
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
  const operation = parsed.request;
  const results = await Promise.all(
    identities.map(async (identity) => {
      const tenantId = "tenantId" in identity ? identity.tenantId : null;
      const log = requestLogger(deps.logger, { requestId, tenantId });
      const contextValue = await deps.buildContext({ identity, requestId, log, client });
      return deps.execute.run(operation, contextValue);
    }),
  );
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", [REQUEST_ID_HEADER]: requestId });
  res.end(`{"results":[${results.join(",")}]}`);
}
