import { z } from "@atelier/config";
import type { StepTypeDefinition } from "./step-type";

const config = z.object({
  seconds: z
    .number()
    .min(0)
    .max(30 * 24 * 3600),
});

/**
 * Waits, counting from the step's first start so a restart does not wait again. It never sleeps
 * in the job: the run's next job is scheduled for the end of the wait, so a worker's slots go
 * to other runs meanwhile.
 */
export const delayStep: StepTypeDefinition<z.infer<typeof config>> = {
  type: "DELAY",
  pure: false,
  config,
  describeInput: (cfg) => ({ seconds: cfg.seconds }),
  async execute({ config: cfg, firstStartedAt }) {
    const until = new Date(firstStartedAt.getTime() + cfg.seconds * 1000);
    if (until.getTime() > Date.now()) return { kind: "wait", until };
    return { kind: "done", output: { waitedUntil: until.toISOString() } };
  },
};
