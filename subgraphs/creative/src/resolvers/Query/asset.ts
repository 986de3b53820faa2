import type { QueryResolvers } from "../../generated/resolvers-types";
import { IdArgs } from "../shared";

export const assetResolver: QueryResolvers["asset"] = (_, args, ctx) =>
  ctx.loaders.assetById.load(IdArgs.parse(args).id);
