import { z } from "@atelier/config";
import { updateWorkflow } from "../../domain/update-workflow";
import { type MutationResolvers, WorkflowStatus } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { id, json, stepInput } from "../validation";

const updateWorkflowInput = z.object({
  id,
  name: z.string().trim().min(1).max(200).nullish(),
  description: z.string().max(2000).nullish(),
  status: z.enum(WorkflowStatus).nullish(),
  inputSchema: json,
  outputSchema: json,
  steps: z.array(stepInput).nullish(),
});

export const updateWorkflowResolver: MutationResolvers["updateWorkflow"] = async (_, { input }, ctx) => ({
  workflow: await updateWorkflow(writerScope(ctx), updateWorkflowInput.parse(input)),
});
