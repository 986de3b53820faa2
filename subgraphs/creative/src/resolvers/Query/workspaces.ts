import { listWorkspaces } from "../../data/lists";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs, readerScope } from "../shared";

export const workspacesResolver: QueryResolvers["workspaces"] = (_, args, ctx) =>
  listWorkspaces(readerScope(ctx), PageArgs.parse(args));
