import { UpdateAssetInput } from "../../domain/asset-input";
import { updateAsset } from "../../domain/update-asset";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const updateAssetResolver: MutationResolvers["updateAsset"] = async (_, args, ctx) => ({
  asset: await updateAsset(ctx.scope, inputOf(UpdateAssetInput, args)),
});
