import type { Identity, Role } from "@atelier/internal-auth";
import { test as base } from "vitest";
import type { Caller } from "./graphql-caller";
import { member, type UserIdentity } from "./identities";
import {
  type NewTenant,
  type RunningService,
  type Subgraph,
  type SubgraphDefinition,
  type SubgraphOptions,
  startSubgraph,
} from "./start-subgraph";

function extendWith<S extends RunningService, Deps, Tenant>(
  definition: SubgraphDefinition<S, Deps, Tenant>,
  options: SubgraphOptions<Deps>,
) {
  return (
    base
      // The expensive part, once per file: a database cloned from the migrated template and the
      // service listening on it. Suite hooks may use it too: `test.beforeAll(({ subgraph }) => …)`.
      // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from its first parameter
      .extend("subgraph", { scope: "file" }, async ({}, { onCleanup }) => {
        const subgraph = await startSubgraph(definition, options);
        onCleanup(() => subgraph.stop());
        return subgraph;
      })
      .extend("db", ({ subgraph }) => subgraph.db)
      .extend("url", ({ subgraph }) => subgraph.url)
      .extend("as", ({ subgraph }): ((identity: Identity | null) => Caller) => subgraph.as)
      .extend("newTenant", ({ subgraph }): (() => Promise<Tenant>) => subgraph.newTenant)
      .extend("member", (): ((tenantId: string, role?: Role) => UserIdentity) => member)
  );
}

/**
 * The test API of one subgraph: `test("…", async ({ as, newTenant }) => …)`. Call `.with({ env, deps })`
 * for a file that starts the service otherwise.
 */
export function defineSubgraphTest<S extends RunningService, Deps = undefined, Tenant = NewTenant>(
  definition: SubgraphDefinition<S, Deps, Tenant>,
) {
  return Object.assign(extendWith(definition, {}), {
    with: (options: SubgraphOptions<Deps>) => extendWith(definition, options),
    /** A second instance, for a test that needs two (the caller stops it). */
    start: (options: SubgraphOptions<Deps> = {}): Promise<Subgraph<S, Tenant>> => startSubgraph(definition, options),
  });
}
