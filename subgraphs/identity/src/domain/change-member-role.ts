import type { Role } from "@atelier/internal-auth";
import { ConflictError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createMembershipStore } from "../data/membership-store";
import type { Membership } from "../generated/prisma/client";
import type { MemberScope } from "../scope";
import { announceAccessChange } from "./announce-access-change";
import { assertMayManageRole } from "./assert-may-manage-role";

export async function changeMemberRole(
  scope: MemberScope,
  input: { membershipId: string; role: Role },
): Promise<Membership> {
  requireRole(scope.actor, "ADMIN");
  const { actor } = scope;
  const membership = await scope.write(async (stx) => {
    const memberships = createMembershipStore(stx);
    const target = await memberships.find(input.membershipId);
    if (!target) throw new NotFoundError("No membership with that id in this tenant.");
    if (target.status !== "APPROVED") throw new ConflictError("Only an approved member's role can be changed.");
    assertMayManageRole(actor, target.role, input.role);
    if (target.role === "OWNER" && input.role !== "OWNER") {
      const owners = await memberships.lockOwners();
      if (owners.length <= 1)
        throw new ConflictError("The last OWNER cannot be demoted; make someone else OWNER first.");
    }
    const membership = await memberships.update(target.id, { role: input.role });
    stx.audit({
      action: "membership.change_role",
      resourceType: "Membership",
      resourceId: membership.id,
      changes: { role: { from: target.role, to: input.role } },
    });
    return membership;
  });
  await announceAccessChange(scope.services, { userId: membership.userId });
  return membership;
}
