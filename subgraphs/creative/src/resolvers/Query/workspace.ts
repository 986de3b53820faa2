import type { QueryResolvers } from "../../generated/resolvers-types";
import { IdArgs } from "../shared";

export const workspaceResolver: QueryResolvers["workspace"] = (_, args, ctx) =>
  ctx.loaders.workspaceById.load(IdArgs.parse(args).id);
