import { readFileSync } from "node:fs";

/** How the gateway serves one subscription field from its subgraph's catch-up query. */
export interface LiveField {
  /** The Query field returning the events after a sequence, e.g. `workflowRunEvents`. */
  catchUp: string;
  /** The argument whose value names the topic, e.g. `runId` → `workflowRunUpdated:<runId>`. */
  topicArgument: string;
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
    registry.set(field, live);
  }
  return registry;
}
