import type { ScopedTx } from "@atelier/db";
import { BadUserInputError } from "@atelier/subgraph-kit";
import type { CreativeConfig } from "../config";
import { createAssetStore } from "../data/asset-store";
import type { Db } from "../data/db";
import { createTenantLockStore } from "../data/tenant-lock-store";

/** Reserves `size` bytes of the tenant's quota; concurrent reservations are serialised. */
export async function reserveQuota(scoped: ScopedTx<Db>, config: CreativeConfig, size: number): Promise<void> {
  if (size > config.assets.maxBytes) {
    throw new BadUserInputError(`sizeBytes: ${size} bytes exceeds the ${config.assets.maxBytes}-byte limit per file.`, {
      reason: "FILE_TOO_LARGE",
    });
  }
  await createTenantLockStore(scoped).lock("storage");
  const used = await createAssetStore(scoped).storageUsed();
  if (used + size > config.assets.quotaBytes) {
    throw new BadUserInputError(
      `Storage quota exceeded: ${used} of ${config.assets.quotaBytes} bytes used, this upload needs ${size} more. Delete assets or raise the quota.`,
      { reason: "QUOTA_EXCEEDED", usedBytes: used, quotaBytes: config.assets.quotaBytes },
    );
  }
}
