import type { QueryResolvers } from "../../generated/resolvers-types";
import { IdArgs } from "../shared";

export const aiModelResolver: QueryResolvers["aiModel"] = (_, args, ctx) =>
  ctx.loaders.aiModelById.load(IdArgs.parse(args).id);
