import { inTenant, readerOf } from "../../domain/scope";
import { storageUsed } from "../../domain/storage-limits";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const storageUsageResolver: QueryResolvers["storageUsage"] = async (_, __, ctx) => {
  const actor = readerOf(ctx.identity);
  const { assets } = ctx.services.config;
  const usedBytes = await inTenant(ctx.services, actor.tenantId, (tx) => storageUsed(tx, actor.tenantId));
  return { usedBytes, quotaBytes: assets.quotaBytes, allowedMimeTypes: assets.allowedMimeTypes };
};
