import { requireRole } from "@atelier/subgraph-kit";
import { listUsage } from "../../data/lists";
import { readerOf } from "../../domain/scope";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs } from "../shared";

export const usageLogResolver: QueryResolvers["usageLog"] = (_, args, ctx) => {
  requireRole(ctx.identity, "ADMIN");
  return listUsage(ctx.services, readerOf(ctx.identity), PageArgs.parse(args));
};
