import { BadUserInputError } from "@atelier/subgraph-kit";
import type { StepType } from "../generated/prisma/client";
import { approvalStep } from "./approval-step";
import { delayStep } from "./delay-step";
import { generationRequestStep, knowledgeSearchStep } from "./gateway-steps";
import { httpRequestStep } from "./http-request-step";
import type { StepTypeDefinition } from "./step-type";
import { transformStep } from "./transform-step";

/** Every step type; a new type is one file and one line here. */
export const STEP_TYPES: Record<StepType, StepTypeDefinition<unknown>> = {
  HTTP_REQUEST: httpRequestStep as StepTypeDefinition<unknown>,
  TRANSFORM: transformStep as StepTypeDefinition<unknown>,
  DELAY: delayStep as StepTypeDefinition<unknown>,
  APPROVAL: approvalStep as StepTypeDefinition<unknown>,
  KNOWLEDGE_SEARCH: knowledgeSearchStep as StepTypeDefinition<unknown>,
  GENERATION_REQUEST: generationRequestStep as StepTypeDefinition<unknown>,
};

/** Checks a step's config against its type; returns the config with defaults applied. */
export function parseStepConfig(type: StepType, config: unknown, where: string): unknown {
  const definition = STEP_TYPES[type];
  if (!definition.available) throw new BadUserInputError(`${where}: ${type} steps are not available yet`);
  const parsed = definition.config.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${[where, "config", ...i.path].join(".")}: ${i.message}`);
    throw new BadUserInputError(`Invalid step config: ${issues.join("; ")}`);
  }
  return parsed.data;
}
