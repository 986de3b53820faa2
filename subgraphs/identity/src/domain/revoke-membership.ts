import { ConflictError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createMembershipStore } from "../data/membership-store";
import type { Membership } from "../generated/prisma/client";
import type { MemberScope } from "../scope";
import { announceAccessChange } from "./announce-access-change";
import { assertMayManageRole } from "./assert-may-manage-role";

/** Withdraws a membership or a pending invitation; the last OWNER stays. */
export async function revokeMembership(scope: MemberScope, input: { membershipId: string }): Promise<Membership> {
  requireRole(scope.actor, "ADMIN");
  const { actor } = scope;
  const membership = await scope.write(async (stx) => {
    const memberships = createMembershipStore(stx);
    const target = await memberships.find(input.membershipId);
    if (!target) throw new NotFoundError("No membership with that id in this tenant.");
    if (target.status !== "APPROVED" && target.status !== "PENDING") {
      throw new ConflictError("Only an approved or pending membership can be revoked.");
    }
    assertMayManageRole(actor, target.role);
    if (target.role === "OWNER" && target.status === "APPROVED") {
      const owners = await memberships.lockOwners();
      if (owners.length <= 1)
        throw new ConflictError("The last OWNER cannot be revoked; make someone else OWNER first.");
    }
    const membership = await memberships.update(target.id, {
      status: "REVOKED",
      decidedAt: new Date(),
      decidedById: actor.userId,
    });
    stx.audit({
      action: "membership.revoke",
      resourceType: "Membership",
      resourceId: membership.id,
      changes: { status: { from: target.status, to: "REVOKED" }, userId: target.userId },
    });
    return membership;
  });
  await announceAccessChange(scope.services, { userId: membership.userId });
  return membership;
}
