import { BadUserInputError } from "@atelier/subgraph-kit";
import type { StepType } from "../generated/prisma/client";
import { parseStepConfig, type StepAvailability } from "../steps/registry";

export interface StepInput {
  key: string;
  name?: string | null;
  type: StepType;
  config?: unknown;
}

export interface CheckedStep {
  position: number;
  key: string;
  name: string;
  type: StepType;
  config?: unknown;
}

const KEY = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_STEPS = 50;

/** Checks keys (unique, well formed) and each config against its step type. */
export function checkSteps(steps: StepInput[], can: StepAvailability): CheckedStep[] {
  if (steps.length === 0) throw new BadUserInputError("steps: a workflow needs at least one step");
  if (steps.length > MAX_STEPS) throw new BadUserInputError(`steps: at most ${MAX_STEPS} steps`);
  const seen = new Set<string>();
  return steps.map((step, position) => {
    if (!KEY.test(step.key)) throw new BadUserInputError(`steps.${position}.key: letters, digits, _ and - only (1-64)`);
    if (seen.has(step.key)) throw new BadUserInputError(`steps.${position}.key: "${step.key}" is used twice`);
    seen.add(step.key);
    const config = parseStepConfig(step.type, step.config, `steps.${position}`, can);
    return { position, key: step.key, name: step.name?.trim() || step.key, type: step.type, config };
  });
}
