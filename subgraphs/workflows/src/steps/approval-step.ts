import { z } from "@atelier/config";
import type { StepTypeDefinition } from "./step-type";

const config = z.object({ prompt: z.string().max(2000).optional() });

/** Pauses the run; resumeWorkflowRun approves (the step succeeds) or rejects (the run fails). */
export const approvalStep: StepTypeDefinition<z.infer<typeof config>> = {
  type: "APPROVAL",
  pure: false,
  config,
  describeInput: (cfg) => ({ prompt: cfg.prompt ?? null }),
  async execute() {
    return { kind: "pause" };
  },
};
