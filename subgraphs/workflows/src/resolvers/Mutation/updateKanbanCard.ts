import { z } from "@atelier/config";
import { updateCard } from "../../domain/update-card";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { id, jsonObject } from "../validation";

const updateCardInput = z.object({
  cardId: id,
  title: z.string().trim().min(1).max(200).nullish(),
  description: z.string().max(10_000).nullish(),
  fields: jsonObject.nullish(),
});

export const updateKanbanCardResolver: MutationResolvers["updateKanbanCard"] = (_, { input }, ctx) =>
  updateCard(writerScope(ctx), updateCardInput.parse(input));
