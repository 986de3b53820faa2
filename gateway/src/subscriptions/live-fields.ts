import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Logger } from "@atelier/logging";
import type { GraphQLSchema } from "graphql";
import { assertAudiencesHold } from "./assert-audiences";
import { loadSubscriptionRegistry, type SubscriptionRegistry } from "./registry";
import { loadViewerDependence, unknownViewerDependentEntries, type ViewerDependence } from "./viewer-dependence";

/** How the subscription fields are served, checked against the supergraph before the gateway listens. */
export interface LiveFields {
  registry: SubscriptionRegistry;
  /** Which types and fields differ between viewers alike in tenant and role; null: all of them. */
  viewerDependence: ViewerDependence | null;
}

/**
 * Reads `subscriptions.json` and, beside it, `viewer-dependent.json`; throws (the gateway refuses to
 * start) when a declared audience would share one viewer's data with another. Entries the supergraph
 * lacks are only warned about: a gateway fronting other subgraphs keeps the default files.
 */
export function loadLiveFields(registryPath: string, schema: GraphQLSchema, logger: Logger): LiveFields {
  // A gateway fronting subgraphs that are not ours may have no registry: nothing is live then.
  const registry: SubscriptionRegistry = existsSync(registryPath) ? loadSubscriptionRegistry(registryPath) : new Map();
  const marksPath = join(dirname(registryPath), "viewer-dependent.json");
  const viewerDependence = loadViewerDependence(marksPath);
  const unknown = viewerDependence ? unknownViewerDependentEntries(schema, viewerDependence) : [];
  if (unknown.length > 0) logger.warn({ path: marksPath, unknown }, "viewer-dependent entries not in the supergraph");
  assertAudiencesHold(registry, schema, viewerDependence, registryPath);
  return { registry, viewerDependence };
}
