import { NotFoundError } from "@atelier/subgraph-kit";
import type { Db } from "../data/db";

export async function assertLogoAssets(
  tx: Db,
  tenantId: string,
  logos: { assetId?: string | null }[] | null | undefined,
) {
  const ids = (logos ?? []).map((l) => l.assetId).filter((v): v is string => !!v);
  if (!ids.length) return;
  const found = await tx.asset.count({ where: { tenantId, id: { in: ids }, deletedAt: null } });
  if (found !== new Set(ids).size) throw new NotFoundError("A logo names an asset that does not exist in this tenant.");
}
