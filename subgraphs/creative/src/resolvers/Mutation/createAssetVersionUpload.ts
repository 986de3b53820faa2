import { createAssetVersionUpload } from "../../domain/create-asset-version-upload";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { CreateAssetVersionUploadInput } from "../../inputs/asset-input";
import { inputOf } from "../shared";

export const createAssetVersionUploadResolver: MutationResolvers["createAssetVersionUpload"] = (_, args, ctx) =>
  createAssetVersionUpload(ctx.scope, inputOf(CreateAssetVersionUploadInput, args));
