import { createRunStore } from "../data/run-store";
import type { WorkflowRunResolvers } from "../generated/resolvers-types";
import { mustLoad } from "./must-load";

export const WorkflowRun: WorkflowRunResolvers = {
  workflow: (run, _, ctx) => mustLoad(ctx.loaders.workflow.load(run.workflowId), "The run's workflow"),
  startedBy: (run) => (run.startedById ? { __typename: "User", id: run.startedById } : null),
  triggerCard: (run, _, ctx) => (run.triggerCardId ? ctx.loaders.card.load(run.triggerCardId) : null),
  currentStepPosition: (run) => run.currentStep,
  stepRuns: (run, _, ctx) => ctx.loaders.stepRunsByRun.load(run.id),
  logs: (run, args, ctx) => ctx.scope().read((tx) => createRunStore(tx).logs(run.id, args)),
};
