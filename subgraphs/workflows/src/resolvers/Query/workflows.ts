import { listWorkflows } from "../../data/lists";
import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

export const workflowsResolver: QueryResolvers["workflows"] = (_, args, ctx) =>
  listWorkflows(ctx.services.db, readerOf(ctx).tenantId, {
    ...args,
    workspaceId: id.nullish().parse(args.workspaceId),
  });
