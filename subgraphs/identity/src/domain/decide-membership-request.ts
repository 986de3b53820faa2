import type { Role } from "@atelier/internal-auth";
import { ConflictError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createMembershipStore } from "../data/membership-store";
import type { Membership } from "../generated/prisma/client";
import type { MemberScope } from "../scope";
import { announceAccessChange } from "./announce-access-change";
import { assertMayManageRole } from "./assert-may-manage-role";

export type MembershipDecision = { approve: true; role?: Role | null } | { approve: false };

/** An admin approves or rejects a pending request to join the active tenant. */
export async function decideMembershipRequest(
  scope: MemberScope,
  input: { membershipId: string } & MembershipDecision,
): Promise<Membership> {
  requireRole(scope.actor, "ADMIN");
  const { actor } = scope;
  const membership = await scope.write(async (stx) => {
    const memberships = createMembershipStore(stx);
    const request = await memberships.find(input.membershipId);
    if (!request) throw new NotFoundError("No membership with that id in this tenant.");
    if (request.status !== "PENDING" || request.origin !== "REQUESTED") {
      throw new ConflictError("Only a pending request to join can be approved or rejected.");
    }
    const now = new Date();
    const role = input.approve ? (input.role ?? request.role) : request.role;
    if (input.approve) assertMayManageRole(actor, role);
    const membership = await memberships.update(
      request.id,
      input.approve
        ? { status: "APPROVED", role, joinedAt: now, decidedAt: now, decidedById: actor.userId }
        : { status: "REJECTED", decidedAt: now, decidedById: actor.userId },
    );
    stx.audit({
      action: input.approve ? "membership.approve" : "membership.reject",
      resourceType: "Membership",
      resourceId: membership.id,
      changes: { status: { from: "PENDING", to: membership.status }, role: membership.role },
    });
    return membership;
  });
  await announceAccessChange(scope.services, { userId: membership.userId });
  return membership;
}
