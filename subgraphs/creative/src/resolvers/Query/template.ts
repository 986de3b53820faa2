import type { QueryResolvers } from "../../generated/resolvers-types";
import { IdArgs } from "../shared";

export const templateResolver: QueryResolvers["template"] = (_, args, ctx) =>
  ctx.loaders.templateById.load(IdArgs.parse(args).id);
