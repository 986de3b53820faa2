import { createAssetStore } from "../../data/asset-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../shared";

export const storageUsageResolver: QueryResolvers["storageUsage"] = async (_, __, ctx) => {
  const scope = readerScope(ctx);
  const { assets } = ctx.services.config;
  const usedBytes = await scope.read((tx) => createAssetStore(tx).storageUsed());
  return { usedBytes, quotaBytes: assets.quotaBytes, allowedMimeTypes: assets.allowedMimeTypes };
};
