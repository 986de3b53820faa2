import type { Role } from "@atelier/internal-auth";
import { ConflictError, requireRole } from "@atelier/subgraph-kit";
import { createMembershipStore } from "../data/membership-store";
import { createUserStore } from "../data/user-store";
import type { Membership } from "../generated/prisma/client";
import type { MemberScope } from "../scope";
import { assertMayManageRole } from "./assert-may-manage-role";

/** Invites by e-mail; an account without credentials is created for an unknown address. */
export async function inviteMember(scope: MemberScope, input: { email: string; role: Role }): Promise<Membership> {
  requireRole(scope.actor, "ADMIN");
  const { actor } = scope;
  assertMayManageRole(actor, input.role);
  const membership = await scope.write(async (stx) => {
    const tx = stx.db;
    const memberships = createMembershipStore(stx);
    const user =
      (await createUserStore(tx).findByEmail(input.email)) ?? (await createUserStore(tx).createUnclaimed(input.email));
    const existing = await memberships.findOf(user.id);
    if (existing && (existing.status === "APPROVED" || existing.status === "PENDING")) {
      throw new ConflictError(
        existing.status === "APPROVED"
          ? "They are already a member."
          : "They already have a pending invitation or request.",
      );
    }
    const fields = {
      role: input.role,
      status: "PENDING" as const,
      origin: "INVITED" as const,
      invitedById: actor.userId,
      decidedAt: null,
      decidedById: null,
    };
    const membership = existing
      ? await memberships.update(existing.id, fields)
      : await memberships.create({ ...fields, userId: user.id });
    await tx.notification.create({
      data: {
        userId: user.id,
        tenantId: stx.tenantId,
        type: "membership.invited",
        message: "You have been invited to join a tenant.",
        metadata: { membershipId: membership.id, tenantId: stx.tenantId, role: input.role },
      },
    });
    stx.audit({
      action: "membership.invite",
      resourceType: "Membership",
      resourceId: membership.id,
      changes: { userId: user.id, role: input.role },
    });
    return membership;
  });
  await scope.services.mail.send({
    to: input.email.toLowerCase(),
    subject: "You are invited to Atelier",
    text: `You have been invited to a tenant on Atelier. Sign in or sign up with this address to accept: ${scope.services.config.appUrl}/invitations`,
  });
  return membership;
}
