import { ConflictError, NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createMembershipStore } from "../data/membership-store";
import type { Membership } from "../generated/prisma/client";
import { announceAccessChange } from "./announce-access-change";
import { assertMayManageRole } from "./assert-may-manage-role";
import { authorize } from "./authorize";

/** Withdraws a membership or a pending invitation; the last OWNER stays. */
export async function revokeMembership(ctx: IdentityContext, input: { membershipId: string }): Promise<Membership> {
  const scope = await authorize(ctx, "ADMIN");
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
  await announceAccessChange(ctx.services, { userId: membership.userId });
  return membership;
}
