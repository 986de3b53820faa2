import type { IncomingMessage, ServerResponse } from "node:http";
import { IDENTITY_HEADER, type InternalTokenVerifier } from "@atelier/internal-auth";
import { BodyTooLargeError, readBody, sendJson } from "@atelier/subgraph-kit";
import type { z } from "zod";

const MAX_INTERNAL_BODY_BYTES = 16_384;

/**
 * A POST endpoint for the gateway only: the caller must carry a system identity signed by the
 * gateway, and the body must satisfy `schema`. Anything else is refused without detail.
 */
export function internalJsonRoute<S extends z.ZodType>(
  schema: S,
  handle: (body: z.infer<S>) => Promise<{ status: number; body: unknown }>,
) {
  return async (req: IncomingMessage, res: ServerResponse, verifier: InternalTokenVerifier): Promise<void> => {
    if (req.method !== "POST") return sendJson(res, 405, { error: "method not allowed" }, { allow: "POST" });
    try {
      const identity = await verifier.verify(req.headers[IDENTITY_HEADER] as string | undefined);
      if (identity.kind !== "system") return sendJson(res, 401, { error: "unauthenticated" });
    } catch {
      return sendJson(res, 401, { error: "unauthenticated" });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await readBody(req, MAX_INTERNAL_BODY_BYTES));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: "body too large" });
      return sendJson(res, 400, { error: "body is not JSON" });
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return sendJson(res, 400, { error: "invalid body", issues: parsed.error.issues });
    const result = await handle(parsed.data);
    sendJson(res, result.status, result.body);
  };
}
