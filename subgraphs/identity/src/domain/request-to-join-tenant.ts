import { crossTenant } from "@atelier/db";
import { ConflictError, NotFoundError, requireUser } from "@atelier/subgraph-kit";
import { createMembershipStore } from "../data/membership-store";
import { createTenantDirectory } from "../data/tenant-store";
import type { Membership } from "../generated/prisma/client";
import type { AccountScope } from "../scope";
import { userScopeIn } from "./user-scope-in";

/** A signed-in user asks to join a tenant; its admins approve or reject. */
export async function requestToJoinTenant(scope: AccountScope, input: { tenantSlug: string }): Promise<Membership> {
  const { userId } = requireUser(scope);
  const tenant = await crossTenant("tenant-directory", () =>
    createTenantDirectory(scope.services.db).findBySlug(input.tenantSlug),
  );
  if (tenant?.status !== "ACTIVE") throw new NotFoundError("No active tenant has that slug.");
  return userScopeIn(scope, userId, tenant.id).write(async (stx) => {
    const memberships = createMembershipStore(stx);
    const existing = await memberships.findOf(userId);
    if (existing && existing.status !== "REJECTED" && existing.status !== "REVOKED") {
      throw new ConflictError(
        existing.status === "APPROVED"
          ? "You are already a member."
          : "You already have a pending request or invitation.",
      );
    }
    const fields = {
      role: "VIEWER" as const,
      status: "PENDING" as const,
      origin: "REQUESTED" as const,
      invitedById: null,
      decidedAt: null,
      decidedById: null,
    };
    const membership = existing
      ? await memberships.update(existing.id, fields)
      : await memberships.create({ ...fields, userId });
    stx.audit({
      action: "membership.request",
      resourceType: "Membership",
      resourceId: membership.id,
      changes: { userId },
    });
    return membership;
  });
}
