import { createAiModelStore } from "../../data/ai-model-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs, readerScope } from "../shared";

export const aiModelsResolver: QueryResolvers["aiModels"] = (_, args, ctx) => {
  const scope = readerScope(ctx);
  const page = PageArgs.parse(args);
  return scope.read((tx) => createAiModelStore(tx).list(page));
};
