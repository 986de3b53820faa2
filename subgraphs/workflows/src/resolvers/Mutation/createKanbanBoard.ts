import { z } from "@atelier/config";
import { createBoard } from "../../domain/create-board";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { id } from "../validation";

const createBoardInput = z.object({
  workspaceId: id,
  name: z.string().trim().min(3).max(100),
  description: z.string().max(2000).nullish(),
});

export const createKanbanBoardResolver: MutationResolvers["createKanbanBoard"] = async (_, { input }, ctx) => ({
  board: await createBoard(writerScope(ctx), createBoardInput.parse(input)),
});
