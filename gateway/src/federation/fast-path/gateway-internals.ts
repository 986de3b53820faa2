import type { Schema } from "@apollo/federation-internals";
import type { ApolloGateway } from "@apollo/gateway";
import type { QueryPlanner } from "@apollo/query-planner";
import type { GraphQLSchema } from "graphql";

/** What the fast path reuses from Apollo Gateway 2.14 rather than building a second copy of it. */
export interface GatewayInternals {
  /** The API schema as graphql-js (what Apollo Server validates against). */
  schema: GraphQLSchema;
  /** The API schema as federation-internals (what the planner plans against). */
  apiSchema: Schema;
  /** The supergraph as graphql-js (entity type conditions are checked against it). */
  supergraph: GraphQLSchema;
  planner: QueryPlanner;
}

/**
 * Apollo Gateway keeps its planner and schemas in private fields, replaced on every schema update;
 * sharing them saves a second planner's memory. Null (the fast path then stays out) when a future
 * version renames them, or before the schema is loaded.
 */
export function gatewayInternals(gateway: ApolloGateway): GatewayInternals | null {
  const fields = gateway as unknown as {
    schema?: GraphQLSchema;
    apiSchema?: Schema;
    supergraphSchema?: GraphQLSchema;
    queryPlanner?: QueryPlanner;
  };
  const { schema, apiSchema, supergraphSchema, queryPlanner } = fields;
  if (!schema || !apiSchema || !supergraphSchema || typeof queryPlanner?.buildQueryPlan !== "function") return null;
  return { schema, apiSchema, supergraph: supergraphSchema, planner: queryPlanner };
}
