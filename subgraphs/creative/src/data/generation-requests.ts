import { ConflictError, NotFoundError } from "@atelier/subgraph-kit";
import type { GenerationStatus } from "../generated/prisma/client";
import type { Db } from "./db";

/** The tenant's request, row-locked until the transaction ends: state changes are serialised. */
export async function lockRequest(tx: Db, tenantId: string, id: string) {
  await tx.$queryRaw`SELECT 1 FROM "creative".generation_requests WHERE id = ${id}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  const request = await tx.generationRequest.findFirst({ where: { id, tenantId } });
  if (!request) throw new NotFoundError(`Generation request ${id} not found.`);
  return request;
}

export function assertStatus(
  request: { id: string; status: GenerationStatus },
  allowed: GenerationStatus[],
  action: string,
) {
  if (allowed.includes(request.status)) return;
  throw new ConflictError(
    `Generation request ${request.id} is ${request.status}; ${action} needs ${allowed.join(" or ")}.`,
    {
      status: request.status,
    },
  );
}

export const TERMINAL: GenerationStatus[] = ["COMPLETED", "FAILED", "CANCELLED", "CONTENT_REJECTED"];
