import { CreateAssetVersionUploadInput } from "../../domain/asset-input";
import { createAssetVersionUpload } from "../../domain/create-asset-version-upload";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const createAssetVersionUploadResolver: MutationResolvers["createAssetVersionUpload"] = (_, args, ctx) =>
  createAssetVersionUpload(ctx.scope, inputOf(CreateAssetVersionUploadInput, args));
