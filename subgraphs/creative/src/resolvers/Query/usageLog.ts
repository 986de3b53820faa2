import { requireRole } from "@atelier/subgraph-kit";
import { listUsage } from "../../data/lists";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs, readerScope } from "../shared";

export const usageLogResolver: QueryResolvers["usageLog"] = (_, args, ctx) => {
  requireRole(ctx.identity, "ADMIN");
  return listUsage(readerScope(ctx), PageArgs.parse(args));
};
