import type { ScopedTx } from "@atelier/db";
import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { Membership, MembershipRole, MembershipStatus, Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

type NewMembership = Omit<Prisma.MembershipUncheckedCreateInput, "tenantId">;

/** The memberships of the scope's tenant. */
export function createMembershipStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    /** A membership of this tenant; null for another tenant's, so ids cannot cross tenants. */
    find: (id: string): Promise<Membership | null> => db.membership.findFirst({ where: { id, tenantId } }),
    /** The user's membership here, whatever its status. */
    findOf: (userId: string): Promise<Membership | null> =>
      db.membership.findUnique({ where: { userId_tenantId: { userId, tenantId } } }),
    /** The user's APPROVED membership here, with the tenant ACTIVE. */
    approvedOf: (userId: string): Promise<Membership | null> =>
      db.membership.findFirst({ where: { userId, tenantId, status: "APPROVED", tenant: { status: "ACTIVE" } } }),
    isApprovedMember: async (userId: string): Promise<boolean> =>
      (await db.membership.findFirst({ where: { tenantId, userId, status: "APPROVED" }, select: { id: true } })) !==
      null,
    create: (data: NewMembership): Promise<Membership> => db.membership.create({ data: { ...data, tenantId } }),
    update: (id: string, data: Prisma.MembershipUncheckedUpdateInput): Promise<Membership> =>
      db.membership.update({ where: { id, tenantId }, data }),
    /** Locks the approved OWNER rows, so two concurrent demotions cannot remove the last one. */
    async lockOwners(): Promise<string[]> {
      const rows = await db.$queryRaw<{ id: string }[]>`
        SELECT id FROM identity.memberships
        WHERE "tenantId" = ${tenantId}::uuid AND role = 'OWNER' AND status = 'APPROVED'
        FOR UPDATE`;
      return rows.map((row) => row.id);
    },
    page: (input: PageArgs, filter: { status: MembershipStatus; role?: MembershipRole | null }) =>
      prismaKeysetPage(db, { table: `identity."memberships"`, direction: "asc", scope: { tenantId } }, input, (page) =>
        db.membership.findMany({
          where: { tenantId, status: filter.status, ...(filter.role ? { role: filter.role } : {}) },
          ...page,
        }),
      ),
  };
}

/**
 * A user's memberships across tenants, for signing in and resolving identities only: callers wrap
 * them in `crossTenant("sign-in" | "identity-resolution", …)`.
 */
export function createSignInMembershipStore(db: Db) {
  return {
    /** The oldest APPROVED membership in an ACTIVE tenant: where a fresh sign-in lands. */
    firstApproved: (userId: string): Promise<Membership | null> =>
      db.membership.findFirst({
        where: { userId, status: "APPROVED", tenant: { status: "ACTIVE" } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
    approved: (userId: string, tenantId: string): Promise<Membership | null> =>
      db.membership.findFirst({ where: { userId, tenantId, status: "APPROVED", tenant: { status: "ACTIVE" } } }),
  };
}
