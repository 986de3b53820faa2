import { z } from "@atelier/config";
import { createTemplate } from "../../domain/create-template";
import { BusinessArea, Complexity, type MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { json, semver, stepInput, tags } from "../validation";

const createTemplateInput = z.object({
  name: z.string().trim().min(3).max(200),
  description: z.string().trim().min(10).max(1000),
  businessArea: z.enum(BusinessArea),
  complexity: z.enum(Complexity),
  tags: tags.nullish(),
  version: semver,
  externalFlowId: z.string().max(200).nullish(),
  estimatedDurationMinutes: z.number().int().min(1).max(1440).nullish(),
  inputSchema: json,
  outputSchema: json,
  steps: z.array(stepInput).nullish(),
});

export const createWorkflowTemplateResolver: MutationResolvers["createWorkflowTemplate"] = async (
  _,
  { input },
  ctx,
) => ({
  template: await createTemplate(writerScope(ctx), createTemplateInput.parse(input)),
});
