import { listBrandKits } from "../../data/lists";
import { readerOf } from "../../domain/scope";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs } from "../shared";

export const brandKitsResolver: QueryResolvers["brandKits"] = (_, args, ctx) =>
  listBrandKits(ctx.services, readerOf(ctx.identity), PageArgs.parse(args));
