import { type GraphQLSchema, getNamedType } from "graphql";
import type { SubscriptionRegistry } from "./registry";
import { type ViewerDependence, viewerDependentPathFrom } from "./viewer-dependence";

/**
 * A field may declare `"audience": "tenant-role"` (one read shared by every subscriber alike in
 * tenant, role and scopes, whatever they select) only if nothing viewer-dependent is reachable from
 * its payload. Checked at start: a gateway that would share one viewer's data refuses to run.
 */
export function assertAudiencesHold(
  registry: SubscriptionRegistry,
  schema: GraphQLSchema,
  marks: ViewerDependence | null,
  registryPath: string,
): void {
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  for (const [field, live] of registry) {
    if (live.audience !== "tenant-role") continue;
    const refusal = (why: string) =>
      new Error(`${registryPath}: ${field} declares "audience": "tenant-role", but ${why}`);
    if (!marks) {
      throw refusal("there is no viewer-dependent.json beside it to prove its payload is the same for every viewer");
    }
    const catchUp = queryFields[live.catchUp];
    if (!catchUp) throw refusal(`the supergraph has no Query.${live.catchUp}`);
    if (marks.fields.has(`Query.${live.catchUp}`)) throw refusal(`Query.${live.catchUp} is viewer-dependent`);
    const path = viewerDependentPathFrom(schema, marks, getNamedType(catchUp.type).name);
    if (path) {
      throw refusal(
        `its payload reaches the viewer-dependent ${path}; remove the audience (reads are then shared only by subscriptions selecting nothing viewer-dependent)`,
      );
    }
  }
}
