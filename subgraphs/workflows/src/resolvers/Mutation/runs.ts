import { writerOf } from "../../domain/actor";
import { cancelRun } from "../../domain/cancel-run";
import { pauseRun } from "../../domain/pause-run";
import { resumeRun } from "../../domain/resume-run";
import { retryRun } from "../../domain/retry-run";
import { startRun } from "../../domain/start-run";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { resumeRunInput, runRefInput, startRunInput } from "../input-schemas";

type RunMutations =
  | "startWorkflowRun"
  | "cancelWorkflowRun"
  | "retryWorkflowRun"
  | "pauseWorkflowRun"
  | "resumeWorkflowRun";

export const runMutations: Pick<MutationResolvers, RunMutations> = {
  startWorkflowRun: async (_, { input }, ctx) => ({
    run: await startRun(ctx.services, writerOf(ctx), startRunInput.parse(input)),
  }),
  cancelWorkflowRun: async (_, { input }, ctx) => ({
    run: await cancelRun(ctx.services, writerOf(ctx), runRefInput.parse(input).runId),
  }),
  retryWorkflowRun: async (_, { input }, ctx) => ({
    run: await retryRun(ctx.services, writerOf(ctx), runRefInput.parse(input).runId),
  }),
  pauseWorkflowRun: async (_, { input }, ctx) => ({
    run: await pauseRun(ctx.services, writerOf(ctx), runRefInput.parse(input).runId),
  }),
  resumeWorkflowRun: async (_, { input }, ctx) => ({
    run: await resumeRun(ctx.services, writerOf(ctx), resumeRunInput.parse(input)),
  }),
};
