import { NotFoundError } from "@atelier/subgraph-kit";
import { createGenerationEventStore } from "../../data/generation-event-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../../inputs/validation";
import { EventArgs, toEvent } from "../generation-events";
import { readerScope } from "../shared";

export const generationRequestEventsResolver: QueryResolvers["generationRequestEvents"] = async (_, args, ctx) => {
  const parsed = EventArgs.extend({ id }).parse(args);
  const scope = readerScope(ctx);
  if (!(await ctx.loaders.generationRequestById.load(parsed.id)))
    throw new NotFoundError(`Generation request ${parsed.id} not found.`);
  const rows = await scope.read((tx) =>
    createGenerationEventStore(tx).ofRequest(parsed.id, parsed.afterSequence ?? 0, parsed.first ?? 100),
  );
  return rows.map(toEvent);
};
