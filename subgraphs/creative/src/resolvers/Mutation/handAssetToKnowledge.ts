import { z } from "zod";
import { handAssetToKnowledge } from "../../domain/hand-asset-to-knowledge";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../../inputs/validation";
import { inputOf } from "../shared";

const AssetRef = z.object({ assetId: id });

export const handAssetToKnowledgeResolver: MutationResolvers["handAssetToKnowledge"] = async (_, args, ctx) => ({
  asset: await handAssetToKnowledge(ctx.scope, inputOf(AssetRef, args)),
});
