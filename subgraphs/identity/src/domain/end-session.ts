import { NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createSessionStore } from "../data/session-store";
import { announceAccessChange } from "./announce-access-change";
import { recordAudit } from "./record-audit";
import { requireSignedIn } from "./require-signed-in";

/** Ends a session (its whole refresh-token family) of the signed-in user. */
export async function endSession(
  ctx: IdentityContext,
  sessionId: string,
  reason: string,
): Promise<{ revoked: boolean }> {
  const { userId, tenantId } = requireSignedIn(ctx);
  const session = await ctx.services.db.session.findFirst({ where: { id: sessionId, userId } });
  if (!session) throw new NotFoundError("No such session.");
  const count = await ctx.services.db.$transaction(async (tx) => {
    const count = await createSessionStore(tx).revokeFamily(session.familyId, reason);
    await recordAudit(tx, ctx, {
      tenantId,
      action: `session.${reason}`,
      resourceType: "Session",
      resourceId: session.id,
    });
    return count;
  });
  await announceAccessChange(ctx.services, { userId });
  return { revoked: count > 0 };
}
