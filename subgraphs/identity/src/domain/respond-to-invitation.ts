import { crossTenant } from "@atelier/db";
import { ForbiddenError, NotFoundError, requireUser } from "@atelier/subgraph-kit";
import { createMembershipStore } from "../data/membership-store";
import type { Membership } from "../generated/prisma/client";
import type { AccountScope } from "../scope";
import { announceAccessChange } from "./announce-access-change";
import { userScopeIn } from "./user-scope-in";

/**
 * The invitee accepts or declines. Accepting needs a verified e-mail: the invitation went to
 * the address, so only whoever controls it may take it up.
 */
export async function respondToInvitation(
  scope: AccountScope,
  input: { membershipId: string; accept: boolean },
): Promise<Membership> {
  const { userId } = requireUser(scope);
  const { accept } = input;
  const db = scope.services.db;
  const invitation = await crossTenant("own-memberships", () =>
    db.membership.findFirst({ where: { id: input.membershipId, userId, status: "PENDING", origin: "INVITED" } }),
  );
  if (!invitation) throw new NotFoundError("No pending invitation with that id.");
  if (accept) {
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    if (!user.emailVerifiedAt) throw new ForbiddenError("Verify your e-mail address before accepting an invitation.");
  }
  const membership = await userScopeIn(scope, userId, invitation.tenantId).write(async (stx) => {
    const now = new Date();
    const membership = await createMembershipStore(stx).update(
      invitation.id,
      accept
        ? { status: "APPROVED", joinedAt: now, decidedAt: now, decidedById: userId }
        : { status: "REJECTED", decidedAt: now, decidedById: userId },
    );
    stx.audit({
      action: accept ? "membership.accept" : "membership.decline",
      resourceType: "Membership",
      resourceId: membership.id,
      changes: { status: { from: "PENDING", to: membership.status } },
    });
    return membership;
  });
  await announceAccessChange(scope.services, { userId: membership.userId });
  return membership;
}
