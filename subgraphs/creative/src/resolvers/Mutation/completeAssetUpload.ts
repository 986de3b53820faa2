import { z } from "zod";
import { completeAssetUpload } from "../../domain/complete-asset-upload";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../../inputs/validation";
import { inputOf } from "../shared";

const VersionRef = z.object({ versionId: id });

export const completeAssetUploadResolver: MutationResolvers["completeAssetUpload"] = async (_, args, ctx) => ({
  asset: await completeAssetUpload(ctx.scope, inputOf(VersionRef, args)),
});
