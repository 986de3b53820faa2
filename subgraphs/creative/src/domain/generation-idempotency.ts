import { ConflictError } from "@atelier/subgraph-kit";
import type { CreativeServices } from "../context";
import { inTenant } from "./scope";

/** A unique violation, from a Prisma model query (P2002) or the driver (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string }; message?: string };
  return e.code === "P2002" || e.meta?.code === "23505" || /23505|unique constraint/i.test(e.message ?? "");
}

/**
 * The tenant's request made with this idempotency key, if any: a repeat of the create (a
 * retried call, a workflow step executed again) gets it back and is charged nothing. The
 * same key for another workspace is a caller's mistake: CONFLICT.
 */
export async function requestForIdempotencyKey(
  services: CreativeServices,
  tenantId: string,
  key: string,
  workspaceId: string,
) {
  const previous = await inTenant(services, tenantId, (tx) =>
    tx.generationRequest.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: key } } }),
  );
  if (previous && previous.workspaceId !== workspaceId) {
    throw new ConflictError("This idempotency key was already used for a generation request in another workspace.");
  }
  return previous;
}
