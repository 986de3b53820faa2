import { z } from "@atelier/config";
import { writerOf } from "../../domain/actor";
import { updateCard } from "../../domain/update-card";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id, jsonObject } from "../validation";

const updateCardInput = z.object({
  cardId: id,
  title: z.string().trim().min(1).max(200).nullish(),
  description: z.string().max(10_000).nullish(),
  fields: jsonObject.nullish(),
});

export const updateKanbanCardResolver: MutationResolvers["updateKanbanCard"] = (_, { input }, ctx) =>
  updateCard(ctx.services, writerOf(ctx), updateCardInput.parse(input));
