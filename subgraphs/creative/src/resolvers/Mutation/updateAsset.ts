import { updateAsset } from "../../domain/update-asset";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { UpdateAssetInput } from "../../inputs/asset-input";
import { inputOf } from "../shared";

export const updateAssetResolver: MutationResolvers["updateAsset"] = async (_, args, ctx) => ({
  asset: await updateAsset(ctx.scope, inputOf(UpdateAssetInput, args)),
});
