import { listWorkspaces } from "../../data/lists";
import { readerOf } from "../../domain/scope";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs } from "../shared";

export const workspacesResolver: QueryResolvers["workspaces"] = (_, args, ctx) =>
  listWorkspaces(ctx.services, readerOf(ctx.identity), PageArgs.parse(args));
