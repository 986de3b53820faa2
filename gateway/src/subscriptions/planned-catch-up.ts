import { randomUUID } from "node:crypto";
import type { ApolloGateway } from "@apollo/gateway";
import { delegationOf, IDENTITY_HEADER, type Identity, type InternalTokenSigner } from "@atelier/internal-auth";
import { REQUEST_ID_HEADER } from "@atelier/logging";
import { recordGraphQLRequest } from "@atelier/service-runtime";
import { type GraphQLSchema, getVariableValues, isAbstractType, isInterfaceType, isObjectType } from "graphql";
import type { GatewayConfig } from "../config";
import { Bail } from "../federation/fast-path/bail";
import { Cancellation } from "../federation/fast-path/cancellation";
import { MAX_CACHED_DOCUMENT_CHARS } from "../federation/fast-path/document-cache";
import { gatewayInternals } from "../federation/fast-path/gateway-internals";
import { executePlan } from "../federation/fast-path/plan-executor";
import { type PreparedOperation, prepareOperation, shaperFor } from "../federation/fast-path/prepare-operation";
import type { SubgraphClient } from "../federation/fast-path/subgraph-client";
import type { SubgraphEndpoint } from "../federation/supergraph";
import { checkOperationLimits } from "../limits/check-operation-limits";
import { AFTER_VARIABLE } from "./catch-up-operation";
import { fetchIsViewerDependent } from "./fetch-dependence";
import type { CatchUpExecutor } from "./live-subscription";
import { createReaderIdentities } from "./reader-identities";
import { createSharedFetches } from "./shared-fetches";
import type { ViewerDependence } from "./viewer-dependence";

export interface PlannedCatchUpDeps {
  gateway: ApolloGateway;
  config: Pick<GatewayConfig, "internalJwtTtlSeconds" | "introspection" | "limits" | "publicFields">;
  subgraphs: SubgraphEndpoint[];
  signer: InternalTokenSigner;
  client: SubgraphClient;
  viewerDependence: ViewerDependence | null;
  /** Answers what this executor does not (API clients, errors to word, plans it does not run). */
  fallback: CatchUpExecutor;
}

const MAX_PREPARED = 1_000;
// Shared calls carry no reader's cancellation (shared-fetches.ts), and a read that steps aside lets its calls end.
const NEVER_CANCELLED = new Cancellation();

/** Whether an object of `typename` matches a fragment's type condition in the supergraph. */
const typeMatcher = (supergraph: GraphQLSchema) => (condition: string, typename: string) => {
  if (condition === typename) return true;
  const type = supergraph.getType(typename);
  const conditionType = supergraph.getType(condition);
  return (
    !!type &&
    !!conditionType &&
    isAbstractType(conditionType) &&
    (isObjectType(type) || isInterfaceType(type)) &&
    supergraph.isSubType(conditionType, type)
  );
};

/**
 * Catch-up reads on the gateway's own query plan, as the HTTP fast path answers queries: each
 * catch-up document is parsed, validated and planned once, not per viewer. Readers woken together
 * share every subgraph fetch whose answer cannot differ between them (see shared-fetches.ts): a
 * thousand viewers of one stream cost one read of its events and one call per viewer for the
 * viewer-dependent fields only. Whatever would answer an error goes to `fallback` (Apollo), which
 * words it as before.
 */
export function createPlannedCatchUp(deps: PlannedCatchUpDeps): CatchUpExecutor {
  const urls = new Map(deps.subgraphs.map((s) => [s.name, s.url]));
  const prepared = new Map<string, PreparedOperation | null>();
  let preparedFor: GraphQLSchema | undefined;
  const publicFields = new Set(deps.config.publicFields);
  const readerIdentity = createReaderIdentities(deps.signer, deps.config.internalJwtTtlSeconds);
  // Fetches run only after their document was prepared, so `preparedFor` is the schema they were planned on.
  const shared = createSharedFetches(
    deps.client,
    (operation) => !preparedFor || fetchIsViewerDependent(preparedFor, deps.viewerDependence, operation),
  );

  function prepare(internals: NonNullable<ReturnType<typeof gatewayInternals>>, query: string) {
    if (preparedFor !== internals.schema) {
      prepared.clear();
      admissions.clear();
      preparedFor = internals.schema;
    }
    let operation = prepared.get(query);
    if (operation !== undefined) return operation;
    const { limits, introspection } = deps.config;
    const preparation = prepareOperation(
      { ...internals, limits, publicFields, introspection, publicFieldsOnly: false },
      query,
      undefined,
    );
    operation = preparation.kind === "prepared" ? preparation.operation : null;
    if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value as string);
    prepared.set(query, operation);
    return operation;
  }

  // A subscription's reads differ only in their position: its variables are coerced and its limits
  // checked once, not per page and viewer.
  const admissions = new Map<string, Record<string, unknown> | null>();
  function admitted(
    schema: GraphQLSchema,
    operation: PreparedOperation,
    query: string,
    variables: Record<string, unknown>,
  ): Record<string, unknown> | null {
    const key = `${query}\n${JSON.stringify({ ...variables, [AFTER_VARIABLE]: null })}`;
    let coerced = admissions.get(key);
    if (coerced !== undefined) return coerced && { ...coerced, [AFTER_VARIABLE]: variables[AFTER_VARIABLE] };
    const result = getVariableValues(schema, operation.operation.variableDefinitions ?? [], variables);
    coerced = result.coerced ?? null;
    try {
      if (coerced) checkOperationLimits(schema, operation.document, operation.operation, variables, deps.config.limits);
    } catch {
      coerced = null;
    }
    if (admissions.size >= MAX_PREPARED) admissions.delete(admissions.keys().next().value as string);
    admissions.set(key, coerced);
    return coerced;
  }

  async function read(query: string, variables: Record<string, unknown>, identity: Identity) {
    const internals = gatewayInternals(deps.gateway);
    // API clients' reads are counted per client by Apollo's usage plugin; delegations never subscribe.
    if (!internals || identity.kind === "apiClient" || delegationOf(identity)) return undefined;
    // As on HTTP, Apollo alone answers very long documents: none is kept per subscription.
    if (query.length > MAX_CACHED_DOCUMENT_CHARS) return undefined;
    const operation = prepare(internals, query);
    if (!operation?.plan) return undefined;
    const coerced = admitted(internals.schema, operation, query, variables);
    if (!coerced) return undefined;
    const started = performance.now();
    const reader = readerIdentity(identity);
    const headers = {
      "content-type": "application/json",
      [IDENTITY_HEADER]: await reader.token,
      [REQUEST_ID_HEADER]: randomUUID(),
    };
    const run = {
      client: shared.forReader(reader.group, reader.viewer),
      urls,
      headers,
      variables,
      typeMatches: typeMatcher(internals.supergraph),
      signal: NEVER_CANCELLED,
      fetched: false,
    };
    const data: Record<string, unknown> = {};
    await executePlan(run, operation.plan, [data]);
    const json = shaperFor(internals.schema, operation, coerced)(data);
    recordGraphQLRequest(operation.operation.name?.value, "ok", (performance.now() - started) / 1000);
    return { data: JSON.parse(json) as Record<string, unknown> };
  }

  return async (request, identity) => {
    try {
      const answer = await read(request.query, request.variables, identity);
      if (answer) return answer;
    } catch (error) {
      if (!(error instanceof Bail)) throw error;
    }
    return deps.fallback(request, identity);
  };
}
