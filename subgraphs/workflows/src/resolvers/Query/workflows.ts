import { listWorkflows } from "../../data/lists";
import { readerOf } from "../../domain/actor";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../input-schemas";

export const workflowQueries: Pick<QueryResolvers, "workflows" | "workflow" | "workflowsHealth"> = {
  workflowsHealth: () => "ok",
  workflows: (_, args, ctx) =>
    listWorkflows(ctx.services.db, readerOf(ctx).tenantId, {
      ...args,
      workspaceId: id.nullish().parse(args.workspaceId),
    }),
  workflow: (_, args, ctx) => {
    readerOf(ctx);
    return ctx.loaders.workflow.load(id.parse(args.id));
  },
};
