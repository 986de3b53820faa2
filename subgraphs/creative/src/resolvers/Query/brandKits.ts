import { createBrandKitStore } from "../../data/brand-kit-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs, readerScope } from "../shared";

export const brandKitsResolver: QueryResolvers["brandKits"] = (_, args, ctx) => {
  const scope = readerScope(ctx);
  const page = PageArgs.parse(args);
  return scope.read((tx) => createBrandKitStore(tx).list(page));
};
