import { BadUserInputError } from "@atelier/subgraph-kit";
import type { CreativeConfig } from "../config";
import type { Db } from "../data/db";
import { lockTenant } from "../data/tenant-lock";

/** Bytes held by the tenant's live assets, pending uploads included (they reserve quota). */
export async function storageUsed(tx: Db, tenantId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ used: bigint | null }[]>`
    SELECT SUM(v."sizeBytes") AS used
      FROM "creative".asset_versions v JOIN "creative".assets a ON a.id = v."assetId"
     WHERE v."tenantId" = ${tenantId}::uuid AND a."deletedAt" IS NULL`;
  return Number(rows[0]?.used ?? 0);
}

export function assertAllowedMime(config: CreativeConfig, mimeType: string): void {
  if (config.assets.allowedMimeTypes.includes(mimeType)) return;
  throw new BadUserInputError(
    `mimeType: ${mimeType} is not allowed. Allowed types: ${config.assets.allowedMimeTypes.join(", ")}.`,
    { reason: "MIME_TYPE_NOT_ALLOWED" },
  );
}

/** Reserves `size` bytes of the tenant's quota; concurrent reservations are serialised. */
export async function reserveQuota(tx: Db, config: CreativeConfig, tenantId: string, size: number): Promise<void> {
  if (size > config.assets.maxBytes) {
    throw new BadUserInputError(`sizeBytes: ${size} bytes exceeds the ${config.assets.maxBytes}-byte limit per file.`, {
      reason: "FILE_TOO_LARGE",
    });
  }
  await lockTenant(tx, tenantId, "storage");
  const used = await storageUsed(tx, tenantId);
  if (used + size > config.assets.quotaBytes) {
    throw new BadUserInputError(
      `Storage quota exceeded: ${used} of ${config.assets.quotaBytes} bytes used, this upload needs ${size} more. Delete assets or raise the quota.`,
      { reason: "QUOTA_EXCEEDED", usedBytes: used, quotaBytes: config.assets.quotaBytes },
    );
  }
}

export const storageKey = (tenantId: string, assetId: string, versionNumber: number) =>
  `${tenantId}/${assetId}/v${versionNumber}`;
