import { z } from "@atelier/config";
import { createWorkflow } from "../../domain/create-workflow";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { id, json, stepInput } from "../validation";

const createWorkflowInput = z.object({
  workspaceId: id,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullish(),
  templateId: id.nullish(),
  inputSchema: json,
  outputSchema: json,
  steps: z.array(stepInput).nullish(),
});

export const createWorkflowResolver: MutationResolvers["createWorkflow"] = async (_, { input }, ctx) => ({
  workflow: await createWorkflow(writerScope(ctx), createWorkflowInput.parse(input)),
});
