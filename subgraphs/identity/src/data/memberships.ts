import type { Membership } from "../generated/prisma/client";
import type { Db } from "./db";

/** The oldest APPROVED membership in an ACTIVE tenant: where a fresh sign-in lands. */
export function firstApprovedMembership(db: Db, userId: string): Promise<Membership | null> {
  return db.membership.findFirst({
    where: { userId, status: "APPROVED", tenant: { status: "ACTIVE" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export function approvedMembership(db: Db, userId: string, tenantId: string): Promise<Membership | null> {
  return db.membership.findFirst({ where: { userId, tenantId, status: "APPROVED", tenant: { status: "ACTIVE" } } });
}

/** A membership of `tenantId`; null for another tenant's, so ids cannot cross tenants. */
export function findMembershipInTenant(db: Db, tenantId: string, id: string): Promise<Membership | null> {
  return db.membership.findFirst({ where: { id, tenantId } });
}

/** Locks the tenant's approved OWNER rows, so two concurrent demotions cannot remove the last one. */
export async function lockOwners(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM identity.memberships
    WHERE "tenantId" = ${tenantId}::uuid AND role = 'OWNER' AND status = 'APPROVED'
    FOR UPDATE`;
  return rows.map((row) => row.id);
}
