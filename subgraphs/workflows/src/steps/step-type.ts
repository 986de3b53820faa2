import type { z } from "@atelier/config";
import type { StepType } from "../generated/prisma/client";
import type { HostPattern } from "./http/address-policy";

/** What a step sees: the run's input, earlier steps' outputs by key, and the run itself. */
export interface StepContext {
  input: unknown;
  steps: Record<string, unknown>;
  run: { id: string; workspaceId: string; startedById: string | null };
}

export interface StepExecution<C> {
  config: C;
  context: StepContext;
  runId: string;
  stepKey: string;
  /** Stable per step attempt: sent as the HTTP Idempotency-Key so a redelivery can be recognised. */
  idempotencyKey: string;
  /** When the step's first attempt started (delays count from here, across restarts). */
  firstStartedAt: Date;
  env: StepEnvironment;
}

/** What the process provides to steps, built once from the service's config. */
export interface StepEnvironment {
  delayInlineMaxSeconds: number;
  /** Hosts HTTP steps may reach even at non-public addresses. */
  httpAllowedHosts: readonly HostPattern[];
}

export type StepOutcome =
  | { kind: "done"; output: unknown; attempts?: number }
  | { kind: "failed"; error: string; attempts?: number }
  | { kind: "wait"; until: Date }
  | { kind: "pause" };

/** One entry of the step-type registry. */
export interface StepTypeDefinition<C = unknown> {
  type: StepType;
  /** False for types whose executor is not built yet: workflows using them are refused. */
  available: boolean;
  /** Pure steps have no effect outside the run: they execute inside the run's transaction. */
  pure: boolean;
  config: z.ZodType<C>;
  /** What the step run records as its input. */
  describeInput(config: C, context: StepContext): unknown;
  execute(execution: StepExecution<C>): Promise<StepOutcome>;
}
