import { crossTenant, type ScopeActor } from "@atelier/db";
import type { Identity } from "@atelier/internal-auth";
import DataLoader from "dataloader";
import { type IdentityScope, identityScope } from "../domain/identity-scope";
import type {
  Membership,
  PersistedOperation,
  PersistedOperationApp,
  Plan,
  Tenant,
  User,
} from "../generated/prisma/client";
import type { IdentityServices } from "../services";

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Who reads, and in which tenant, for the request's loaders: the tenant the gateway forwarded. */
function readerOf(identity: Identity, requestId: string): ScopeActor | null {
  if (identity.kind === "apiClient")
    return { tenantId: identity.tenantId, actorType: "API_CLIENT", actorId: identity.apiClientId, requestId };
  if (identity.kind === "user" && identity.tenantId)
    return { tenantId: identity.tenantId, actorType: "USER", actorId: identity.userId, requestId };
  return null;
}

/**
 * Per-request batching of every entity reference and per-user list. Tenant rows are read in the
 * request's tenant scope (rows of any other tenant come back null), except the signed-in user's
 * own memberships and their tenants, a named cross-tenant read. Users and plans are not tenant data.
 */
export function createLoaders(services: Pick<IdentityServices, "db" | "log">, identity: Identity, requestId: string) {
  const { db } = services;
  const reader = readerOf(identity, requestId);
  const scope: IdentityScope<ScopeActor> | null = reader ? identityScope(services, reader) : null;
  const ownUserId = identity.kind === "user" ? identity.userId : null;
  const inScope = (tenantId: string) => scope !== null && tenantId === scope.tenantId;

  const tenantsIn = async (ids: string[]): Promise<Tenant[]> =>
    scope && ids.length > 0 ? scope.read((tx) => tx.db.tenant.findMany({ where: { id: { in: ids } } })) : [];
  const ownMemberships = (userId: string) =>
    crossTenant("own-memberships", () =>
      db.membership.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    );
  const ownTenants = (ids: string[]) =>
    ownUserId && ids.length > 0
      ? crossTenant("own-memberships", () =>
          db.tenant.findMany({ where: { id: { in: ids }, memberships: { some: { userId: ownUserId } } } }),
        )
      : Promise.resolve([]);

  return {
    ...createPersistedOperationLoaders(scope),
    userById: new DataLoader<string, User | null>(async (ids) =>
      byId(await db.user.findMany({ where: { id: { in: [...ids] }, deletedAt: null } }), ids),
    ),
    /** The request's tenant; any other only where the signed-in user has a membership in it. */
    tenantById: new DataLoader<string, Tenant | null>(async (ids) => {
      const rows = [...(await tenantsIn(ids.filter(inScope))), ...(await ownTenants(ids.filter((id) => !inScope(id))))];
      return byId(rows, ids);
    }),
    planById: new DataLoader<string, Plan | null>(async (ids) =>
      byId(await db.plan.findMany({ where: { id: { in: [...ids] } } }), ids),
    ),
    /** The signed-in user's memberships in every tenant; nobody else's. */
    ownMemberships: new DataLoader<string, Membership[]>(async (userIds) =>
      Promise.all(userIds.map((userId) => (userId === ownUserId ? ownMemberships(userId) : []))),
    ),
    /**
     * Keyed `${tenantId}:${userId}`: anyone's membership in the request's tenant, and the signed-in
     * user's own in any tenant.
     */
    membershipOf: new DataLoader<string, Membership | null>(async (keys) => {
      const pairs = keys.map((key) => key.split(":") as [string, string]);
      const scoped = pairs.filter(([tenantId]) => inScope(tenantId));
      const own = pairs.filter(([tenantId, userId]) => !inScope(tenantId) && userId === ownUserId);
      const rows = [
        ...(scope && scoped.length > 0
          ? await scope.read((tx) =>
              tx.db.membership.findMany({
                where: { tenantId: tx.tenantId, userId: { in: scoped.map(([, userId]) => userId) } },
              }),
            )
          : []),
        ...(own.length > 0
          ? (await ownMemberships(ownUserId!)).filter((m) => own.some(([t]) => t === m.tenantId))
          : []),
      ];
      return pairs.map(
        ([tenantId, userId]) => rows.find((r) => r.tenantId === tenantId && r.userId === userId) ?? null,
      );
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Per-request batching for manifest versions' apps and operations, in the request's tenant scope. */
export function createPersistedOperationLoaders(scope: IdentityScope<ScopeActor> | null) {
  return {
    persistedOperationAppById: new DataLoader<string, PersistedOperationApp | null>(async (ids) => {
      const rows = scope
        ? await scope.read((tx) =>
            tx.db.persistedOperationApp.findMany({ where: { id: { in: [...ids] }, tenantId: tx.tenantId } }),
          )
        : [];
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    persistedOperationsByVersionId: new DataLoader<string, PersistedOperation[]>(async (versionIds) => {
      const rows = scope
        ? await scope.read((tx) =>
            tx.db.persistedOperation.findMany({
              where: { versionId: { in: [...versionIds] }, tenantId: tx.tenantId },
              orderBy: [{ versionId: "asc" }, { id: "asc" }],
            }),
          )
        : [];
      return versionIds.map((versionId) => rows.filter((r) => r.versionId === versionId));
    }),
  };
}
