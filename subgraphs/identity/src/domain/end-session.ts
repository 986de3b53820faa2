import { NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createSessionStore } from "../data/session-store";
import { announceAccessChange } from "./announce-access-change";
import { requireSignedIn } from "./authorize";
import { audit } from "./record-audit";

/** Ends a session (its whole refresh-token family) of the signed-in user. */
async function endSession(ctx: IdentityContext, sessionId: string, reason: string): Promise<{ revoked: boolean }> {
  const { userId, tenantId } = requireSignedIn(ctx);
  const session = await ctx.services.db.session.findFirst({ where: { id: sessionId, userId } });
  if (!session) throw new NotFoundError("No such session.");
  const count = await ctx.services.db.$transaction(async (tx) => {
    const count = await createSessionStore(tx).revokeFamily(session.familyId, reason);
    await audit(tx, ctx, { tenantId, action: `session.${reason}`, resourceType: "Session", resourceId: session.id });
    return count;
  });
  await announceAccessChange(ctx.services, { userId });
  return { revoked: count > 0 };
}

export async function logout(ctx: IdentityContext): Promise<{ revoked: boolean }> {
  const { sessionId } = requireSignedIn(ctx);
  // Signed in through an external ID token: there is no Atelier session to end.
  if (!sessionId) return { revoked: false };
  return endSession(ctx, sessionId, "logout");
}

export function revokeSession(ctx: IdentityContext, input: { id: string }): Promise<{ revoked: boolean }> {
  return endSession(ctx, input.id, "revoke");
}
