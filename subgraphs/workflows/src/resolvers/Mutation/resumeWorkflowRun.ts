import { z } from "@atelier/config";
import { resumeRun } from "../../domain/resume-run";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { id } from "../validation";

const resumeRunInput = z.object({
  runId: id,
  approved: z
    .boolean()
    .nullish()
    .transform((v) => v ?? true),
  comment: z.string().max(2000).nullish(),
});

export const resumeWorkflowRunResolver: MutationResolvers["resumeWorkflowRun"] = async (_, { input }, ctx) => ({
  run: await resumeRun(writerScope(ctx), resumeRunInput.parse(input)),
});
