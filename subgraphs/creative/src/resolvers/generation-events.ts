import { z } from "zod";
import type { GenerationEventRow } from "../data/generation-event-store";
import type { GenerationRequestEventParent } from "./parents";

/** Arguments of both generation event queries (a request's, a workspace's feed). */
export const EventArgs = z.object({
  afterSequence: z.number().int().min(0).nullish(),
  first: z.number().int().min(1).max(500).nullish(),
});

/** A stream row as a GenerationRequestEvent, numbered by its stream's sequence (a request's, or a workspace feed's). */
export const toEvent = (row: GenerationEventRow): GenerationRequestEventParent => ({
  sequence: row.sequence,
  type: row.type,
  status: row.payload.status,
  at: row.createdAt,
  generationRequestId: row.streamId,
});
