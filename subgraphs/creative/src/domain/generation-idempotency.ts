import { ConflictError } from "@atelier/subgraph-kit";
import type { CreativeServices } from "../context";
import { inTenant } from "./scope";

/**
 * The tenant's request made with this idempotency key, if any: a repeat of the create (a
 * retried call, a workflow step executed again) gets it back and is charged nothing. The
 * same key for another workspace is a caller's mistake: CONFLICT.
 */
export async function requestForIdempotencyKey(
  services: CreativeServices,
  tenantId: string,
  key: string,
  workspaceId: string,
) {
  const previous = await inTenant(services, tenantId, (tx) =>
    tx.generationRequest.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: key } } }),
  );
  if (previous && previous.workspaceId !== workspaceId) {
    throw new ConflictError("This idempotency key was already used for a generation request in another workspace.");
  }
  return previous;
}
