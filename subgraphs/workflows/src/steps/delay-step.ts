import { setTimeout as sleep } from "node:timers/promises";
import { z } from "@atelier/config";
import type { StepTypeDefinition } from "./step-type";

const config = z.object({
  seconds: z
    .number()
    .min(0)
    .max(30 * 24 * 3600),
});

/**
 * Waits, counting from the step's first start so a restart does not wait again: short waits
 * sleep inside the job, long ones reschedule the run.
 */
export const delayStep: StepTypeDefinition<z.infer<typeof config>> = {
  type: "DELAY",
  pure: false,
  config,
  describeInput: (cfg) => ({ seconds: cfg.seconds }),
  async execute({ config: cfg, firstStartedAt, env }) {
    const until = new Date(firstStartedAt.getTime() + cfg.seconds * 1000);
    const remainingMs = until.getTime() - Date.now();
    if (remainingMs > env.delayInlineMaxSeconds * 1000) return { kind: "wait", until };
    if (remainingMs > 0) await sleep(remainingMs);
    return { kind: "done", output: { waitedUntil: until.toISOString() } };
  },
};
