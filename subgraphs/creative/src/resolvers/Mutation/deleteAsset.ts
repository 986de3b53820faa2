import { z } from "zod";
import { deleteAsset } from "../../domain/delete-asset";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../../inputs/validation";
import { inputOf } from "../shared";

const AssetRef = z.object({ assetId: id });

export const deleteAssetResolver: MutationResolvers["deleteAsset"] = async (_, args, ctx) => ({
  deletedAssetId: await deleteAsset(ctx.scope, inputOf(AssetRef, args)),
});
