import { z } from "zod";
import { deleteAsset } from "../../domain/delete-asset";
import { id } from "../../domain/validation";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

const AssetRef = z.object({ assetId: id });

export const deleteAssetResolver: MutationResolvers["deleteAsset"] = async (_, args, ctx) => ({
  deletedAssetId: await deleteAsset(ctx.scope, inputOf(AssetRef, args)),
});
