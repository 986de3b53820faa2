import { z } from "@atelier/config";
import { evaluateMapping } from "./mapping";
import type { StepTypeDefinition } from "./step-type";

const config = z.object({ output: z.unknown().refine((v) => v !== undefined, "output mapping is required") });

/** Builds a value from the run's context by declarative mapping. */
export const transformStep: StepTypeDefinition<z.infer<typeof config>> = {
  type: "TRANSFORM",
  pure: true,
  config,
  describeInput: (cfg) => ({ mapping: cfg.output }),
  async execute({ config: cfg, context }) {
    try {
      return { kind: "done", output: evaluateMapping(cfg.output, context) };
    } catch (error) {
      return { kind: "failed", error: `transform failed: ${(error as Error).message}` };
    }
  },
};
