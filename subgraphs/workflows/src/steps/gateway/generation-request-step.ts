import { z } from "@atelier/config";
import { GatewayRequestError } from "@atelier/gateway-client";
import type { StepContext, StepExecution, StepOutcome, StepTypeDefinition } from "../step-type";
import { describeSafely, gatewayFailure, NO_ACTOR, NOT_CONFIGURED, resolveText, runActor } from "./gateway-call";
import { type Generation, type GenerationCalls, generationCalls } from "./generation-calls";

const uuid = z.uuid({ message: "must be a UUID" });
const config = z.object({
  /** A template string or a mapping giving the prompt (1-4000 characters). */
  prompt: z.unknown().refine((v) => v !== undefined, "prompt is required"),
  /** A template string or a mapping. */
  styleGuidance: z.unknown().optional(),
  /** A template string or a mapping giving a project of the run's workspace. */
  projectId: z.unknown().optional(),
  modelId: uuid.optional(),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
  /** FIRST_SAMPLE: select the first sample and wait for the final. NONE: stop at AWAITING_SELECTION. */
  selection: z.enum(["FIRST_SAMPLE", "NONE"]).default("FIRST_SAMPLE"),
  /** From the step's first start; then the request is cancelled (its running phase refunded) and the step fails. */
  timeoutSeconds: z
    .number()
    .int()
    .min(10)
    .max(7 * 24 * 3600)
    .default(1800),
});
type GenerationConfig = z.infer<typeof config>;
type Execution = StepExecution<GenerationConfig>;

const ENDED = ["FAILED", "CANCELLED", "CONTENT_REJECTED"];

/** The create input: the run's workspace, and the step's operation key so a repeat is charged once. */
function createInput(cfg: GenerationConfig, context: StepContext, idempotencyKey: string) {
  const prompt = resolveText(cfg.prompt, context, "prompt")?.trim();
  if (!prompt) throw new Error("prompt mapped to an empty text");
  if (prompt.length > 4000) throw new Error("prompt is longer than 4000 characters");
  const styleGuidance =
    cfg.styleGuidance === undefined ? null : resolveText(cfg.styleGuidance, context, "styleGuidance");
  const projectId = cfg.projectId === undefined ? null : resolveText(cfg.projectId, context, "projectId");
  if (projectId !== null && !uuid.safeParse(projectId).success) throw new Error("projectId must map to a UUID");
  return {
    workspaceId: context.run.workspaceId,
    prompt,
    styleGuidance,
    projectId,
    modelId: cfg.modelId ?? null,
    seed: cfg.seed ?? null,
    idempotencyKey,
  };
}

function output(request: Generation) {
  return {
    generationRequestId: request.id,
    status: request.status,
    sampleAssetIds: request.samples.map((s) => s.id),
    selectedSampleId: request.selectedSample?.id ?? null,
    finalAsset: request.finalAsset,
    creditsCharged: request.creditsCostSample + (request.selectedSample ? request.creditsCostFinal : 0),
  };
}

/** One look at the request: finish, fail, select the first sample, or say to wait. */
async function advance(
  calls: GenerationCalls,
  cfg: GenerationConfig,
  request: Generation,
): Promise<StepOutcome | null> {
  if (ENDED.includes(request.status)) {
    return {
      kind: "failed",
      error: `generation request ${request.id} ended ${request.status}${request.errorMessage ? `: ${request.errorMessage}` : ""}`,
    };
  }
  if (request.status === "COMPLETED") return { kind: "done", output: output(request) };
  if (request.status !== "AWAITING_SELECTION") return null;
  if (cfg.selection === "NONE") return { kind: "done", output: output(request) };
  const first = request.samples[0];
  if (!first) return { kind: "failed", error: `generation request ${request.id} has no sample to select` };
  try {
    return advance(calls, cfg, await calls.select(request.id, first.id));
  } catch (error) {
    // A selection made by an earlier execution of this step (or by a person) is not an error.
    if (!(error instanceof GatewayRequestError) || error.code !== "CONFLICT") throw error;
    const now = await calls.read(request.id);
    return now && now.status !== "AWAITING_SELECTION" ? advance(calls, cfg, now) : null;
  }
}

/**
 * Requests a generation from the creative subgraph through the gateway, as the run's user,
 * then waits (re-executed every GATEWAY_POLL_SECONDS, holding the request id as its state) for
 * the samples, selects the first, and waits for the final. The request is created with the
 * step's operation key, so executing the step again after a crash never debits twice.
 */
export const generationRequestStep: StepTypeDefinition<GenerationConfig> = {
  type: "GENERATION_REQUEST",
  needsGateway: true,
  pure: false,
  config,
  describeInput: (cfg, context) =>
    describeSafely(() => {
      const { idempotencyKey: _, ...input } = createInput(cfg, context, "");
      return { ...input, selection: cfg.selection };
    }),
  async execute(execution: Execution): Promise<StepOutcome> {
    const { config: cfg, env } = execution;
    if (!env.gateway) return { kind: "failed", error: NOT_CONFIGURED };
    const actor = runActor(execution);
    if (!actor) return { kind: "failed", error: NO_ACTOR };
    const calls = generationCalls(env.gateway, actor);
    const deadline = execution.firstStartedAt.getTime() + cfg.timeoutSeconds * 1000;
    let requestId = (execution.state as { generationRequestId?: string } | null)?.generationRequestId ?? null;
    const wait = (): StepOutcome => ({
      kind: "wait",
      until: new Date(Date.now() + env.gatewayPollSeconds * 1000),
      state: requestId ? { generationRequestId: requestId } : null,
    });
    try {
      let request: Generation | null;
      if (requestId) {
        request = await calls.read(requestId);
        if (!request)
          return {
            kind: "failed",
            error: `generation request ${requestId} is gone or no longer visible to the run's user`,
          };
      } else {
        let input: ReturnType<typeof createInput>;
        try {
          input = createInput(cfg, execution.context, execution.operationKey);
        } catch (error) {
          return { kind: "failed", error: (error as Error).message };
        }
        request = await calls.create(input);
        requestId = request.id;
      }
      const outcome = await advance(calls, cfg, request);
      if (outcome) return outcome;
      if (Date.now() < deadline) return wait();
      await calls.cancel(request.id).catch(() => undefined);
      return {
        kind: "failed",
        error: `generation request ${request.id} was still ${request.status} after ${cfg.timeoutSeconds} s; it was cancelled`,
      };
    } catch (error) {
      const failure = gatewayFailure("generation request", error);
      if (failure.retryable && Date.now() < deadline) return wait();
      return { kind: "failed", error: failure.error };
    }
  },
};
