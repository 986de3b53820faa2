import { createWorkflowStore } from "../../data/workflow-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id } from "../validation";

export const workflowsResolver: QueryResolvers["workflows"] = (_, args, ctx) =>
  readerScope(ctx).read((tx) =>
    createWorkflowStore(tx).list({ ...args, workspaceId: id.nullish().parse(args.workspaceId) }),
  );
