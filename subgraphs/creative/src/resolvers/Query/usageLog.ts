import { requireRole } from "@atelier/subgraph-kit";
import { createUsageStore } from "../../data/usage-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs, readerScope } from "../shared";

export const usageLogResolver: QueryResolvers["usageLog"] = (_, args, ctx) => {
  requireRole(ctx.identity, "ADMIN");
  const scope = readerScope(ctx);
  const page = PageArgs.parse(args);
  return scope.read((tx) => createUsageStore(tx).list(page));
};
