import { z } from "@atelier/config";
import type { StepTypeDefinition } from "./step-type";

/**
 * Steps that will call the knowledge and creative subgraphs through the gateway with the run's
 * identity. Their configs are fixed now so workflows can be designed; execution is not built
 * yet, so `available: false` makes createWorkflow refuse them.
 */
function notYetAvailable<C>(
  type: "KNOWLEDGE_SEARCH" | "GENERATION_REQUEST",
  config: z.ZodType<C>,
): StepTypeDefinition<C> {
  return {
    type,
    available: false,
    pure: false,
    config,
    describeInput: (cfg) => cfg,
    async execute() {
      return { kind: "failed", error: `${type} steps are not available yet` };
    },
  };
}

export const knowledgeSearchStep = notYetAvailable(
  "KNOWLEDGE_SEARCH",
  z.object({ query: z.unknown(), limit: z.number().int().min(1).max(50).default(5) }),
);

export const generationRequestStep = notYetAvailable(
  "GENERATION_REQUEST",
  z.object({ modelId: z.string().optional(), prompt: z.unknown(), projectId: z.string().optional() }),
);
