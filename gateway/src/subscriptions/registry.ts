import { readFileSync } from "node:fs";

/** How the gateway serves one subscription field from its subgraph's catch-up query. */
export interface LiveField {
  /** The Query field returning the events after a sequence, e.g. `workflowRunEvents`. */
  catchUp: string;
  /** The argument whose value names the topic, e.g. `runId` → `workflowRunUpdated:<runId>`. */
  topicArgument: string;
  /**
   * `"identity"` (default): every subscriber's events are read with its own identity.
   * `"tenant-role"`: subscribers alike in tenant, role and scopes share one read per event whatever
   * they select; accepted at start only if the payload reaches nothing in viewer-dependent.json.
   * (Without it, reads are still shared when a subscription selects nothing viewer-dependent.)
   */
  audience?: "identity" | "tenant-role";
}

export type SubscriptionRegistry = ReadonlyMap<string, LiveField>;

/** Reads `schema/subscriptions.json`: `{ "<subscriptionField>": { "catchUp": …, "topicArgument": … } }`. */
export function loadSubscriptionRegistry(path: string): SubscriptionRegistry {
  const raw = JSON.parse(readFileSync(path, "utf8")) as Record<string, LiveField>;
  const registry = new Map<string, LiveField>();
  for (const [field, live] of Object.entries(raw)) {
    if (typeof live?.catchUp !== "string" || typeof live?.topicArgument !== "string") {
      throw new Error(`${path}: ${field} needs "catchUp" and "topicArgument"`);
    }
    if (live.audience !== undefined && live.audience !== "identity" && live.audience !== "tenant-role") {
      throw new Error(`${path}: ${field}.audience must be "identity" or "tenant-role"`);
    }
    registry.set(field, live);
  }
  return registry;
}
