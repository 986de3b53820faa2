import type { QueryResolvers } from "../../generated/resolvers-types";
import { IdArgs } from "../shared";

export const brandKitResolver: QueryResolvers["brandKit"] = (_, args, ctx) =>
  ctx.loaders.brandKitById.load(IdArgs.parse(args).id);
