import { z } from "@atelier/config";
import { updateTemplate } from "../../domain/update-template";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { id, json, semver, tags } from "../validation";

const updateTemplateInput = z.object({
  id,
  name: z.string().trim().min(3).max(200).nullish(),
  description: z.string().trim().min(10).max(1000).nullish(),
  tags: tags.nullish(),
  version: semver.nullish(),
  isActive: z.boolean().nullish(),
  inputSchema: json,
  outputSchema: json,
});

export const updateWorkflowTemplateResolver: MutationResolvers["updateWorkflowTemplate"] = async (
  _,
  { input },
  ctx,
) => ({
  template: await updateTemplate(writerScope(ctx), updateTemplateInput.parse(input)),
});
