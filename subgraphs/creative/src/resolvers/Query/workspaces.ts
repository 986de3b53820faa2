import { createWorkspaceStore } from "../../data/workspace-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs, readerScope } from "../shared";

export const workspacesResolver: QueryResolvers["workspaces"] = (_, args, ctx) => {
  const scope = readerScope(ctx);
  const page = PageArgs.parse(args);
  return scope.read((tx) => createWorkspaceStore(tx).list(page));
};
