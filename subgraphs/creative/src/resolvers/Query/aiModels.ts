import { listAiModels } from "../../data/lists";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs, readerScope } from "../shared";

export const aiModelsResolver: QueryResolvers["aiModels"] = (_, args, ctx) =>
  listAiModels(readerScope(ctx), PageArgs.parse(args));
