import { z } from "zod";
import type { AssetVersionResolvers } from "../generated/resolvers-types";
import { userRef } from "./shared";

const DownloadArgs = z.object({ expiresInSeconds: z.number().int().min(30).max(3600).nullish() });

export const AssetVersion: AssetVersionResolvers = {
  sizeBytes: (v) => Number(v.sizeBytes),
  createdBy: (v) => userRef(v.createdById),
  downloadUrl: (v, args, ctx) => {
    const { expiresInSeconds } = DownloadArgs.parse(args);
    return v.status === "READY"
      ? ctx.services.blobs.signDownload(v.storageKey, {
          contentType: v.mimeType,
          ttlSeconds: expiresInSeconds ?? ctx.services.config.storage.signedUrlTtlSeconds,
        })
      : null;
  },
};
