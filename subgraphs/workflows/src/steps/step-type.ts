import type { z } from "@atelier/config";
import type { GatewayClient } from "@atelier/gateway-client";
import type { HostPattern } from "@atelier/outbound-fetch";
import type { StepType } from "../generated/prisma/client";

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
  tenantId: string;
  stepKey: string;
  /** Stable per step attempt: sent as the HTTP Idempotency-Key so a redelivery can be recognised. */
  idempotencyKey: string;
  /**
   * Stable for the step across attempts, crashes, redeliveries and waits within one try of the
   * run (a retried run gets a new one): the key of an effect that must happen once per try.
   */
  operationKey: string;
  /** What the step's previous execution kept when it returned `wait` with a state; else null. */
  state: unknown;
  /** When the step's first attempt started (delays count from here, across restarts). */
  firstStartedAt: Date;
  env: StepEnvironment;
}

/** What the process provides to steps, built once from the service's config. */
export interface StepEnvironment {
  /** Hosts HTTP steps may reach even at non-public addresses. */
  httpAllowedHosts: readonly HostPattern[];
  /** Calls the supergraph as the run's user; null when GATEWAY_URL/DELEGATION_PRIVATE_KEY are not set. */
  gateway: GatewayClient | null;
  /** How long a step waiting on another subgraph (a generation) waits between looks. */
  gatewayPollSeconds: number;
}

export type StepOutcome =
  | { kind: "done"; output: unknown; attempts?: number }
  | { kind: "failed"; error: string; attempts?: number }
  /** Execute the step again at `until`; `state` is kept on the step run and handed back. */
  | { kind: "wait"; until: Date; state?: unknown }
  | { kind: "pause" };

/** One entry of the step-type registry. */
export interface StepTypeDefinition<C = unknown> {
  type: StepType;
  /** Steps that call the gateway with the run's identity: refused when it is not configured. */
  needsGateway?: boolean;
  /** Pure steps have no effect outside the run: they execute inside the run's transaction. */
  pure: boolean;
  config: z.ZodType<C>;
  /** What the step run records as its input. */
  describeInput(config: C, context: StepContext): unknown;
  execute(execution: StepExecution<C>): Promise<StepOutcome>;
}
