import {
  APP_ROLE,
  type AuditActorType,
  assertTenantId,
  readManyInTenantSql,
  recordAuditEvent,
  type SqlStatement,
  type SqlTx,
  tenantReader,
} from "@atelier/db";
import type { Identity, Role } from "@atelier/internal-auth";
import { ForbiddenError, RateLimitedError, requireReader, requireRole } from "@atelier/subgraph-kit";
import type { Context, CreativeServices } from "../context";
import type { Db } from "../data/db";

/** Who acts, inside which tenant, as the verified identity says (never the client's input). */
export interface Actor {
  tenantId: string;
  /** The user id, or the API client id. */
  id: string;
  kind: "user" | "apiClient";
  role: Role | null;
}

/** Any member of the active tenant, or an API client with `creative:read` (or `:write`): enough to read. */
export function readerOf(identity: Identity): Actor {
  const member = requireReader(identity, "creative");
  return member.kind === "user"
    ? { tenantId: member.tenantId, id: member.userId, kind: "user", role: member.role }
    : { tenantId: member.tenantId, id: member.apiClientId, kind: "apiClient", role: null };
}

/** EDITOR+ users, and API clients holding the `creative:write` scope, may change things. */
export function writerOf(identity: Identity, role: Role = "EDITOR"): Actor {
  if (identity.kind === "apiClient") {
    if (role !== "EDITOR" || !identity.scopes.includes("creative:write")) {
      throw new ForbiddenError("This API client lacks the creative:write scope.");
    }
    return readerOf(identity);
  }
  const user = requireRole(identity, role);
  return { tenantId: user.tenantId, id: user.userId, kind: "user", role: user.role };
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === "OWNER" || actor.role === "ADMIN";
}

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };
/**
 * A transaction bound to one tenant: RLS policies apply on top of the queries' own filters.
 * Same effect as @atelier/db withTenant (`app.tenant_id` + the RLS role, transaction-local),
 * set in one statement instead of two: every loader batch pays this per request.
 */
export async function inTenant<R>(
  services: CreativeServices,
  tenantId: string,
  fn: (tx: Db) => Promise<R>,
): Promise<R> {
  assertTenantId(tenantId);
  try {
    return await services.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true), set_config('role', ${APP_ROLE}, true)`;
      return fn(tx);
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    // Under load, no pooled connection came free within maxWait.
    if ((error as { code?: string }).code === "P2028") {
      throw new RateLimitedError("The service is busy: no database connection came free in time. Retry shortly.", 1);
    }
    throw error;
  }
}

/**
 * Read-only tenant reads on the plain pg pool (RLS-bound like inTenant): the loaders' hot path,
 * where Prisma's per-query compile and row mapping cost more than the database work. Each query
 * `fn` runs is its own read-only transaction sent in ONE round trip (readInTenantSql).
 */
export function readInTenant<R>(
  services: CreativeServices,
  tenantId: string,
  fn: (tx: SqlTx) => Promise<R>,
): Promise<R> {
  return busyWhenPoolTimesOut(fn(tenantReader(services.sql, tenantId)));
}

/** Several read statements in one read-only tenant transaction and one round trip (readManyInTenantSql). */
export function readManyInTenant(
  services: CreativeServices,
  tenantId: string,
  statements: readonly SqlStatement[],
): Promise<Record<string, unknown>[][]> {
  return busyWhenPoolTimesOut(readManyInTenantSql(services.sql, tenantId, statements));
}

async function busyWhenPoolTimesOut<R>(read: Promise<R>): Promise<R> {
  try {
    return await read;
  } catch (error) {
    if ((error as Error).message === POOL_TIMEOUT) {
      throw new RateLimitedError("The service is busy: no database connection came free in time. Retry shortly.", 1);
    }
    throw error;
  }
}

/** What pg-pool throws when no connection came free within connectionTimeoutMillis. */
const POOL_TIMEOUT = "timeout exceeded when trying to connect";

function auditActor(identity: Identity): { actorType: AuditActorType; actorId: string | null } {
  if (identity.kind === "user") return { actorType: "USER", actorId: identity.userId };
  if (identity.kind === "apiClient") return { actorType: "API_CLIENT", actorId: identity.apiClientId };
  return { actorType: "SYSTEM", actorId: null };
}

export interface AuditInput {
  tenantId: string;
  action: string;
  resourceType: string;
  resourceId: string;
  changes?: Record<string, unknown>;
}

/** Records the change in its own transaction, with the request's actor and id. */
export function audit(tx: Db, ctx: Pick<Context, "identity" | "requestId">, event: AuditInput): Promise<void> {
  return recordAuditEvent(tx, {
    ...event,
    ...auditActor(ctx.identity),
    changes: event.changes ?? {},
    requestId: ctx.requestId,
  });
}
