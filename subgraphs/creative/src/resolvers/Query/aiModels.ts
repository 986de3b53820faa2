import { listAiModels } from "../../data/lists";
import { readerOf } from "../../domain/scope";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs } from "../shared";

export const aiModelsResolver: QueryResolvers["aiModels"] = (_, args, ctx) =>
  listAiModels(ctx.services, readerOf(ctx.identity), PageArgs.parse(args));
