import type { QueryResolvers } from "../../generated/resolvers-types";
import { IdArgs } from "../shared";

export const projectResolver: QueryResolvers["project"] = (_, args, ctx) =>
  ctx.loaders.projectById.load(IdArgs.parse(args).id);
