import { NotFoundError, requireUser } from "@atelier/subgraph-kit";
import { createSessionStore } from "../data/session-store";
import type { AccountScope } from "../scope";
import { announceAccessChange } from "./announce-access-change";
import { recordAudit } from "./record-audit";

/** Ends a session (its whole refresh-token family) of the signed-in user. */
export async function endSession(
  scope: AccountScope,
  sessionId: string,
  reason: string,
): Promise<{ revoked: boolean }> {
  const { userId, tenantId } = requireUser(scope);
  const session = await scope.services.db.session.findFirst({ where: { id: sessionId, userId } });
  if (!session) throw new NotFoundError("No such session.");
  const count = await scope.services.db.$transaction(async (tx) => {
    const count = await createSessionStore(tx).revokeFamily(session.familyId, reason);
    await recordAudit(tx, scope, {
      tenantId,
      action: `session.${reason}`,
      resourceType: "Session",
      resourceId: session.id,
    });
    return count;
  });
  await announceAccessChange(scope.services, { userId });
  return { revoked: count > 0 };
}
