import type { SqlTx } from "@atelier/db";
import { recordAuditEvent } from "@atelier/db";
import type { Actor } from "./authorize";

/** Records a document change in the caller's transaction, with the request's actor and id. */
export function auditDocument(
  tx: SqlTx,
  actor: Actor,
  requestId: string,
  action: string,
  documentId: string,
  changes: Record<string, unknown> = {},
): Promise<void> {
  return recordAuditEvent(tx, {
    tenantId: actor.tenantId,
    actorType: actor.actorType,
    actorId: actor.actorId,
    action,
    resourceType: "Document",
    resourceId: documentId,
    changes,
    requestId,
  });
}
