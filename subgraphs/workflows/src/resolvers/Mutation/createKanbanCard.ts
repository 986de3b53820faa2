import { z } from "@atelier/config";
import { createCard } from "../../domain/create-card";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { id, jsonObject } from "../validation";

const createCardInput = z.object({
  stageId: id,
  title: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).nullish(),
  fields: jsonObject.nullish(),
  dueDate: z.coerce.date().nullish(),
});

export const createKanbanCardResolver: MutationResolvers["createKanbanCard"] = (_, { input }, ctx) =>
  createCard(writerScope(ctx), createCardInput.parse(input));
