import { NotFoundError } from "@atelier/subgraph-kit";
import type { Db } from "../data/db";

/** Only the tenant's own models can be changed; system models are read-only to tenants. */
export async function findOwnModelVersion(tx: Db, tenantId: string, id: string) {
  const version = await tx.aiModelVersion.findFirst({ where: { id, tenantId } });
  if (!version) throw new NotFoundError(`Model version ${id} not found among this tenant's models.`);
  return version;
}
