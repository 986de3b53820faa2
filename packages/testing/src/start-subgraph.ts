import { randomUUID } from "node:crypto";
import type { Identity } from "@atelier/internal-auth";
import pg from "pg";
import { type AnyData, type Caller, callerFor, type GraphQLResponse } from "./graphql-caller";
import { member, testKeys, type UserIdentity } from "./identities";
import { createTestDatabase, type TestDatabase } from "./test-database";

/** What every service factory returns: where it listens and how it stops. */
export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

export type ServiceEnv = Record<string, string>;

/** How one subgraph starts for tests; written once per subgraph, in its `test/fixture.ts`. */
export interface SubgraphDefinition<S extends RunningService, Deps, Tenant> {
  /** The migration history the test database is cloned from. */
  service: string;
  /** Variables beyond the shared ones (database, key, port, log level) that every test of it wants. */
  env?: ServiceEnv;
  start(env: ServiceEnv, deps: Deps | undefined): Promise<S>;
  /** Seeds a fresh tenant; without it, a tenant is a new id and an owner identity nobody stored. */
  seedTenant?(subgraph: Subgraph<S, Tenant>): Promise<Tenant>;
}

/** What one test file changes: more variables (or a function of what its hooks started), dependencies. */
export interface SubgraphOptions<Deps> {
  env?: ServiceEnv | (() => ServiceEnv);
  deps?: Deps | (() => Deps);
}

/** A running subgraph on its own migrated database, and ways to call it. */
export interface Subgraph<S extends RunningService = RunningService, Tenant = unknown> {
  service: S;
  /** Its GraphQL endpoint. */
  url: string;
  /** Its origin, for the endpoints beside GraphQL. */
  baseUrl: string;
  db: TestDatabase;
  env: ServiceEnv;
  /** A small pool on the test database, as its owner (no row-level security). */
  sql: pg.Pool;
  as(identity: Identity | null): Caller;
  gql<T = AnyData>(
    identity: Identity | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  ok<T = AnyData>(identity: Identity | null, query: string, variables?: Record<string, unknown>): Promise<T>;
  errorCode(identity: Identity | null, query: string, variables?: Record<string, unknown>): Promise<string | null>;
  newTenant(): Promise<Tenant>;
  stop(): Promise<void>;
}

/** A tenant no row mentions yet: a new id and the identity of its owner. */
export interface NewTenant {
  tenantId: string;
  owner: UserIdentity;
}

function unseededTenant<Tenant>(): Promise<Tenant> {
  const tenantId = randomUUID();
  return Promise.resolve({ tenantId, owner: member(tenantId, "OWNER") } as Tenant);
}

const resolveOption = <T>(option: T | (() => T) | undefined): T | undefined =>
  typeof option === "function" ? (option as () => T)() : option;

/** Starts the subgraph over real HTTP on a fresh database cloned from its migrated template. */
export async function startSubgraph<S extends RunningService, Deps, Tenant>(
  definition: SubgraphDefinition<S, Deps, Tenant>,
  options: SubgraphOptions<Deps> = {},
): Promise<Subgraph<S, Tenant>> {
  const db = await createTestDatabase(definition.service);
  const env: ServiceEnv = {
    NODE_ENV: "test",
    DATABASE_URL: db.url,
    INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ...definition.env,
    ...resolveOption(options.env),
  };
  let service: S;
  try {
    service = await definition.start(env, resolveOption(options.deps));
  } catch (error) {
    await db.drop();
    throw error;
  }
  let pool: pg.Pool | undefined;
  const subgraph: Subgraph<S, Tenant> = {
    service,
    url: service.url,
    baseUrl: new URL(service.url).origin,
    db,
    env,
    get sql() {
      pool ??= new pg.Pool({ connectionString: db.url, max: 2 });
      return pool;
    },
    as: (identity) => callerFor(service.url, identity),
    gql: (identity, query, variables) => callerFor(service.url, identity).gql(query, variables),
    ok: (identity, query, variables) => callerFor(service.url, identity).ok(query, variables),
    errorCode: (identity, query, variables) => callerFor(service.url, identity).errorCode(query, variables),
    newTenant: () => (definition.seedTenant ? definition.seedTenant(subgraph) : unseededTenant<Tenant>()),
    async stop() {
      await pool?.end();
      await service.stop();
      // Pools finish closing their idle connections after stop() resolves; a forced drop before
      // that surfaces as an unhandled "terminating connection" error.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await db.drop();
    },
  };
  return subgraph;
}
