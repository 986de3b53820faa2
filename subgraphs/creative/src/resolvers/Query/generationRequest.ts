import type { QueryResolvers } from "../../generated/resolvers-types";
import { IdArgs } from "../shared";

export const generationRequestResolver: QueryResolvers["generationRequest"] = (_, args, ctx) =>
  ctx.loaders.generationRequestById.load(IdArgs.parse(args).id);
