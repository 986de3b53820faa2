import { BadUserInputError } from "@atelier/subgraph-kit";
import type { StepType } from "../generated/prisma/client";
import { approvalStep } from "./approval-step";
import { delayStep } from "./delay-step";
import { generationRequestStep } from "./gateway/generation-request-step";
import { knowledgeSearchStep } from "./gateway/knowledge-search-step";
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

/** What this deployment can execute: gateway steps need the gateway and a delegation key. */
export interface StepAvailability {
  gateway: unknown;
}

/** Checks a step's config against its type; returns the config with defaults applied. */
export function parseStepConfig(type: StepType, config: unknown, where: string, can: StepAvailability): unknown {
  const definition = STEP_TYPES[type];
  if (definition.needsGateway && !can.gateway) {
    throw new BadUserInputError(
      `${where}: ${type} steps call the gateway as the run's user, which this deployment has not configured (DELEGATION_PRIVATE_KEY and GATEWAY_URL of the workflows service)`,
    );
  }
  const parsed = definition.config.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${[where, "config", ...i.path].join(".")}: ${i.message}`);
    throw new BadUserInputError(`Invalid step config: ${issues.join("; ")}`);
  }
  return parsed.data;
}
