import { listBrandKits } from "../../data/lists";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs, readerScope } from "../shared";

export const brandKitsResolver: QueryResolvers["brandKits"] = (_, args, ctx) =>
  listBrandKits(readerScope(ctx), PageArgs.parse(args));
