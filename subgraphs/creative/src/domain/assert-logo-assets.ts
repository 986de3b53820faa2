import type { ScopedTx } from "@atelier/db";
import { NotFoundError } from "@atelier/subgraph-kit";
import { createAssetStore } from "../data/asset-store";
import type { Db } from "../data/db";

/** NOT_FOUND unless every logo's asset is a live asset of the tenant. */
export async function assertLogoAssets(tx: ScopedTx<Db>, logos: { assetId?: string | null }[] | null | undefined) {
  const ids = (logos ?? []).map((l) => l.assetId).filter((v): v is string => !!v);
  if (!ids.length) return;
  const found = await createAssetStore(tx).countLive(ids);
  if (found !== new Set(ids).size) throw new NotFoundError("A logo names an asset that does not exist in this tenant.");
}
