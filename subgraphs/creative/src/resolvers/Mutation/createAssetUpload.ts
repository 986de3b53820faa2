import { createAssetUpload } from "../../domain/create-asset-upload";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { CreateAssetUploadInput } from "../../inputs/asset-input";
import { inputOf } from "../shared";

export const createAssetUploadResolver: MutationResolvers["createAssetUpload"] = (_, args, ctx) =>
  createAssetUpload(ctx.scope, inputOf(CreateAssetUploadInput, args));
