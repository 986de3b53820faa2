import type { Role } from "@atelier/internal-auth";
import { ConflictError, NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createMembershipStore } from "../data/membership-store";
import type { Membership } from "../generated/prisma/client";
import { announceAccessChange } from "./announce-access-change";
import { assertMayManageRole } from "./assert-may-manage-role";
import { authorize } from "./authorize";

export type MembershipDecision = { approve: true; role?: Role | null } | { approve: false };

/** An admin approves or rejects a pending request to join the active tenant. */
export async function decideMembershipRequest(
  ctx: IdentityContext,
  input: { membershipId: string },
  decision: MembershipDecision,
): Promise<Membership> {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  const membership = await scope.write(async (stx) => {
    const memberships = createMembershipStore(stx);
    const request = await memberships.find(input.membershipId);
    if (!request) throw new NotFoundError("No membership with that id in this tenant.");
    if (request.status !== "PENDING" || request.origin !== "REQUESTED") {
      throw new ConflictError("Only a pending request to join can be approved or rejected.");
    }
    const now = new Date();
    const role = decision.approve ? (decision.role ?? request.role) : request.role;
    if (decision.approve) assertMayManageRole(actor, role);
    const membership = await memberships.update(
      request.id,
      decision.approve
        ? { status: "APPROVED", role, joinedAt: now, decidedAt: now, decidedById: actor.userId }
        : { status: "REJECTED", decidedAt: now, decidedById: actor.userId },
    );
    stx.audit({
      action: decision.approve ? "membership.approve" : "membership.reject",
      resourceType: "Membership",
      resourceId: membership.id,
      changes: { status: { from: "PENDING", to: membership.status }, role: membership.role },
    });
    return membership;
  });
  await announceAccessChange(ctx.services, { userId: membership.userId });
  return membership;
}
