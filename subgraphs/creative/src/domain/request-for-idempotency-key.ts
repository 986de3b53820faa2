import { ConflictError } from "@atelier/subgraph-kit";
import type { CreativeScope } from "../scope/creative-scope";

/**
 * The tenant's request made with this idempotency key, if any: a repeat of the create (a
 * retried call, a workflow step executed again) gets it back and is charged nothing. The
 * same key for another workspace is a caller's mistake: CONFLICT.
 */
export async function requestForIdempotencyKey(scope: CreativeScope, key: string, workspaceId: string) {
  const { tenantId } = scope;
  const previous = await scope.read(({ db: tx }) =>
    tx.generationRequest.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: key } } }),
  );
  if (previous && previous.workspaceId !== workspaceId) {
    throw new ConflictError("This idempotency key was already used for a generation request in another workspace.");
  }
  return previous;
}
