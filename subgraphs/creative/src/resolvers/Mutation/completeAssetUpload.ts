import { z } from "zod";
import { completeAssetUpload } from "../../domain/complete-asset-upload";
import { id } from "../../domain/validation";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

const VersionRef = z.object({ versionId: id });

export const completeAssetUploadResolver: MutationResolvers["completeAssetUpload"] = async (_, args, ctx) => ({
  asset: await completeAssetUpload(ctx.scope, inputOf(VersionRef, args)),
});
