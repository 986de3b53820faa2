import DataLoader from "dataloader";
import type { Membership, Plan, PrismaClient, Tenant, User } from "../generated/prisma/client";
import { createPersistedOperationLoaders } from "./persisted-operation-loaders";

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Per-request batching of every entity reference and per-user list. */
export function createLoaders(db: PrismaClient) {
  return {
    ...createPersistedOperationLoaders(db),
    userById: new DataLoader<string, User | null>(async (ids) =>
      byId(await db.user.findMany({ where: { id: { in: [...ids] }, deletedAt: null } }), ids),
    ),
    tenantById: new DataLoader<string, Tenant | null>(async (ids) =>
      byId(await db.tenant.findMany({ where: { id: { in: [...ids] } } }), ids),
    ),
    planById: new DataLoader<string, Plan | null>(async (ids) =>
      byId(await db.plan.findMany({ where: { id: { in: [...ids] } } }), ids),
    ),
    membershipsByUserId: new DataLoader<string, Membership[]>(async (userIds) => {
      const rows = await db.membership.findMany({
        where: { userId: { in: [...userIds] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return userIds.map((userId) => rows.filter((row) => row.userId === userId));
    }),
    /** Keyed `${tenantId}:${userId}`. */
    membershipOf: new DataLoader<string, Membership | null>(async (keys) => {
      const pairs = keys.map((key) => key.split(":") as [string, string]);
      const rows = await db.membership.findMany({
        where: { OR: pairs.map(([tenantId, userId]) => ({ tenantId, userId })) },
      });
      return pairs.map(
        ([tenantId, userId]) => rows.find((r) => r.tenantId === tenantId && r.userId === userId) ?? null,
      );
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
