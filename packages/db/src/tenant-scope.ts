import { retryOnceOnConnectionLoss } from "./connection-loss";

/** The smallest surface of a Prisma client that a tenant-scoped transaction needs. */
export interface TransactionCapable<Tx> {
  $transaction<R>(fn: (tx: Tx) => Promise<R>, options?: { timeout?: number; maxWait?: number }): Promise<R>;
}
export interface RawExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** The role that row-level-security policies apply to (created by the audit migrations). */
export const APP_ROLE = "atelier_app";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tenant ids are set into SQL (and inlined by `withTenantSql`): anything but a UUID is refused. */
export function assertTenantId(tenantId: string): void {
  if (!UUID.test(tenantId)) throw new Error(`not a tenant id: ${tenantId}`);
}

/**
 * Runs `fn` in one transaction bound to `tenantId`: Postgres row-level security sees the
 * tenant through `app.tenant_id`, and the role switch makes the policies bind even when the
 * service connects as the table owner. Queries inside must still filter by tenant: RLS is
 * the second wall, not the first. A transaction cut off before COMMIT runs once more.
 */
export async function withTenant<Tx extends RawExecutor, R>(
  prisma: TransactionCapable<Tx>,
  tenantId: string,
  fn: (tx: Tx) => Promise<R>,
): Promise<R> {
  assertTenantId(tenantId);
  return retryOnceOnConnectionLoss((attempt) =>
    prisma.$transaction(async (tx) => {
      // One statement, not two: each is a round trip, and this runs on every tenant request.
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true), set_config('role', ${APP_ROLE}, true)`;
      const result = await fn(tx);
      attempt.committing = true;
      return result;
    }),
  );
}

/** A unique-constraint violation, as Prisma (P2002, or 23505 through the driver adapter) or pg reports it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string }; message?: string } | null;
  return (
    e?.code === "P2002" ||
    e?.code === "23505" ||
    e?.meta?.code === "23505" ||
    /23505|unique constraint/i.test(e?.message ?? "")
  );
}
