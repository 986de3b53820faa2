import { GatewayRequestError } from "@atelier/gateway-client";
import type { DelegatedActor } from "@atelier/internal-auth";
import { evaluateMapping, renderTemplate } from "../mapping";
import type { StepContext, StepExecution } from "../step-type";

export const NOT_CONFIGURED =
  "the gateway is not configured for this worker (DELEGATION_PRIVATE_KEY and GATEWAY_URL of the workflows service)";

/**
 * Who a gateway step acts as: the user who started the run (by hand or by moving a kanban
 * card). A run with no such user gets no identity: the step fails rather than invent one.
 */
export function runActor(execution: StepExecution<unknown>): DelegatedActor | null {
  const userId = execution.context.run.startedById;
  return userId ? { kind: "user", userId, tenantId: execution.tenantId } : null;
}

export const NO_ACTOR =
  "this run records no user who started it, and gateway steps act only as the run's user (none is invented)";

/** A step's error text and whether the same call may succeed later (an outage, not a refusal). */
export function gatewayFailure(what: string, error: unknown): { error: string; retryable: boolean } {
  if (error instanceof GatewayRequestError) {
    return { error: `${what} failed: ${error.code}: ${error.message}`, retryable: error.retryable };
  }
  return { error: `${what} failed: ${(error as Error).message}`, retryable: false };
}

/**
 * A text from config: a string is a template (`{{/input/topic}}` slots, as in HTTP URLs), any
 * other value a mapping (mapping.ts). Null when it maps to nothing.
 */
export function resolveText(spec: unknown, context: StepContext, field: string): string | null {
  const value = typeof spec === "string" ? renderTemplate(spec, context) : evaluateMapping(spec, context);
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  throw new Error(`${field} mapped to ${Array.isArray(value) ? "an array" : "an object"}, not a text`);
}

/** A list of strings from config (a literal list or a mapping); null when absent. */
export function resolveList(spec: unknown, context: StepContext, field: string): string[] | null {
  if (spec === undefined) return null;
  const value = evaluateMapping(spec, context);
  if (value === null) return null;
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw new Error(`${field} must map to a list of strings`);
  }
  return value;
}

/** Runs `build`, or returns its error as the recorded input, so describing a step never throws. */
export function describeSafely(build: () => unknown): unknown {
  try {
    return build();
  } catch (error) {
    return { error: (error as Error).message };
  }
}
