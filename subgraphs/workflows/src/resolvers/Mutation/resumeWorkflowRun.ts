import { z } from "@atelier/config";
import { writerOf } from "../../domain/actor";
import { resumeRun } from "../../domain/resume-run";
import type { MutationResolvers } from "../../generated/resolvers-types";
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
  run: await resumeRun(ctx.services, writerOf(ctx), resumeRunInput.parse(input)),
});
