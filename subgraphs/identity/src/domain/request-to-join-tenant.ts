import { ConflictError, NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { findTenantBySlug } from "../data/tenants";
import type { Membership } from "../generated/prisma/client";
import { requireSignedIn } from "./authorize";
import { userScopeIn } from "./user-scope-in";

/** A signed-in user asks to join a tenant; its admins approve or reject. */
export async function requestToJoinTenant(ctx: IdentityContext, input: { tenantSlug: string }): Promise<Membership> {
  const { userId } = requireSignedIn(ctx);
  const tenant = await findTenantBySlug(ctx.services.db, input.tenantSlug);
  if (tenant?.status !== "ACTIVE") throw new NotFoundError("No active tenant has that slug.");
  return userScopeIn(ctx, userId, tenant.id).write(async (stx) => {
    const tx = stx.db;
    const existing = await tx.membership.findUnique({ where: { userId_tenantId: { userId, tenantId: tenant.id } } });
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
      ? await tx.membership.update({ where: { id: existing.id }, data: fields })
      : await tx.membership.create({ data: { ...fields, tenantId: tenant.id, userId } });
    stx.audit({
      action: "membership.request",
      resourceType: "Membership",
      resourceId: membership.id,
      changes: { userId },
    });
    return membership;
  });
}
