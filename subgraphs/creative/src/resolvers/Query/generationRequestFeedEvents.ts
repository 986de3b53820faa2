import { NotFoundError } from "@atelier/subgraph-kit";
import { listFeedEvents } from "../../data/generation-events";
import { inTenant, readerOf } from "../../domain/scope";
import { id } from "../../domain/validation";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { EventArgs, toEvent } from "../generation-events";

export const generationRequestFeedEventsResolver: QueryResolvers["generationRequestFeedEvents"] = async (
  _,
  args,
  ctx,
) => {
  const parsed = EventArgs.extend({ workspaceId: id }).parse(args);
  const actor = readerOf(ctx.identity);
  if (!(await ctx.loaders.workspaceById.load(parsed.workspaceId))) {
    throw new NotFoundError(`Workspace ${parsed.workspaceId} not found.`);
  }
  const rows = await inTenant(ctx.services, actor.tenantId, (tx) =>
    listFeedEvents(tx, actor.tenantId, parsed.workspaceId, parsed.afterSequence ?? 0, parsed.first ?? 100),
  );
  return rows.map(toEvent);
};
