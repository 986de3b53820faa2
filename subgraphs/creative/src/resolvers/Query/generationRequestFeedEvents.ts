import { NotFoundError } from "@atelier/subgraph-kit";
import { createGenerationEventStore } from "../../data/generation-event-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../../inputs/validation";
import { EventArgs, toEvent } from "../generation-events";
import { readerScope } from "../shared";

export const generationRequestFeedEventsResolver: QueryResolvers["generationRequestFeedEvents"] = async (
  _,
  args,
  ctx,
) => {
  const parsed = EventArgs.extend({ workspaceId: id }).parse(args);
  const scope = readerScope(ctx);
  if (!(await ctx.loaders.workspaceById.load(parsed.workspaceId))) {
    throw new NotFoundError(`Workspace ${parsed.workspaceId} not found.`);
  }
  const rows = await scope.read((tx) =>
    createGenerationEventStore(tx).ofWorkspaceFeed(parsed.workspaceId, parsed.afterSequence ?? 0, parsed.first ?? 100),
  );
  return rows.map(toEvent);
};
