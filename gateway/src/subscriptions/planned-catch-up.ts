import { randomUUID } from "node:crypto";
import type { ApolloGateway } from "@apollo/gateway";
import type { FetchNode, PlanNode } from "@apollo/query-planner";
import { delegationOf, type Identity, type InternalTokenSigner } from "@atelier/internal-auth";
import { REQUEST_ID_HEADER } from "@atelier/logging";
import { counter, recordGraphQLRequest } from "@atelier/service-runtime";
import { type GraphQLSchema, getVariableValues, isAbstractType, isInterfaceType, isObjectType } from "graphql";
import type { GatewayConfig } from "../config";
import { Bail } from "../federation/fast-path/bail";
import { Cancellation } from "../federation/fast-path/cancellation";
import { MAX_CACHED_DOCUMENT_CHARS } from "../federation/fast-path/document-cache";
import { gatewayInternals } from "../federation/fast-path/gateway-internals";
import { executePlan } from "../federation/fast-path/plan-executor";
import { type PreparedOperation, prepareOperation, shaperFor } from "../federation/fast-path/prepare-operation";
import type { SubgraphTransport } from "../federation/fast-path/subgraph-client";
import type { SubgraphEndpoint } from "../federation/supergraph";
import { checkOperationLimits } from "../limits/check-operation-limits";
import { AFTER_VARIABLE } from "./catch-up-operation";
import { fetchIsViewerDependent } from "./fetch-dependence";
import type { CatchUpExecutor, CatchUpRequest } from "./live-subscription";
import { createReaderIdentities } from "./reader-identities";
import { createSharedFetches } from "./shared-fetches";
import type { ViewerDependence } from "./viewer-dependence";
import { createViewerGroupReads } from "./viewer-group-reads";
import { splitByViewer, type ViewerSplit } from "./viewer-split";

const typeMatchers = new WeakMap<GraphQLSchema, ReturnType<typeof typeMatcher>>();
function typeMatcherFor(supergraph: GraphQLSchema) {
  const matcher = typeMatchers.get(supergraph) ?? typeMatcher(supergraph);
  typeMatchers.set(supergraph, matcher);
  return matcher;
}

export interface PlannedCatchUpDeps {
  gateway: ApolloGateway;
  config: Pick<GatewayConfig, "introspection" | "limits" | "publicFields">;
  subgraphs: SubgraphEndpoint[];
  signer: InternalTokenSigner;
  client: SubgraphTransport;
  viewerDependence: ViewerDependence | null;
  /** Answers what this executor does not (API clients, errors to word, plans it does not run). */
  fallback: CatchUpExecutor;
}

const MAX_PREPARED = 1_000;
/** How catch-up reads ran: "group" (one plan run for viewers alike), "reader" (their own), "apollo". */
export const catchUpReadsByPath = () =>
  counter("atelier_subscription_catch_up_reads_total", "Subscription catch-up reads by how they ran", ["path"]);
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
  const readerIdentity = createReaderIdentities();
  // Fetches run only after their document was prepared, so `preparedFor` is the schema they were planned on.
  const shared = createSharedFetches(
    deps.client,
    deps.signer,
    (operation) => !preparedFor || fetchIsViewerDependent(preparedFor, deps.viewerDependence, operation),
  );

  const groupReads = createViewerGroupReads({
    urls,
    signal: NEVER_CANCELLED,
    fetchForViewers: (call, identities) => shared.perViewer.fetchForViewers(call, identities),
  });
  const fetchDependence = new WeakMap<FetchNode, boolean>();
  const splits = new WeakMap<PreparedOperation, ViewerSplit | null>();
  function splitOf(operation: PreparedOperation & { plan: PlanNode }): ViewerSplit | null {
    let split = splits.get(operation);
    if (split === undefined) {
      split = splitByViewer(operation.plan, (fetch) => {
        let dependent = fetchDependence.get(fetch);
        if (dependent === undefined) {
          dependent = fetchIsViewerDependent(preparedFor!, deps.viewerDependence, fetch.operation);
          fetchDependence.set(fetch, dependent);
        }
        return dependent;
      });
      splits.set(operation, split);
    }
    return split;
  }

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
    { operationKey: key, variables }: CatchUpRequest,
  ): Record<string, unknown> | null {
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

  async function read(request: CatchUpRequest, identity: Identity) {
    const { query, variables } = request;
    const internals = gatewayInternals(deps.gateway);
    // API clients' reads are counted per client by Apollo's usage plugin; delegations never subscribe.
    if (!internals || identity.kind === "apiClient" || delegationOf(identity)) return undefined;
    // As on HTTP, Apollo alone answers very long documents: none is kept per subscription.
    if (query.length > MAX_CACHED_DOCUMENT_CHARS) return undefined;
    const operation = prepare(internals, query);
    if (!operation?.plan) return undefined;
    const coerced = admitted(internals.schema, operation, request);
    if (!coerced) return undefined;
    const started = performance.now();
    // No identity header yet (shared-fetches.ts signs for the calls actually made), and no request id: a group read sets its own.
    const headers = { "content-type": "application/json" };
    const reader = readerIdentity(identity);
    const typeMatches = typeMatcherFor(internals.supergraph);
    const done = (json: string) => {
      recordGraphQLRequest(operation.operation.name?.value, "ok", (performance.now() - started) / 1000);
      return { data: JSON.parse(json) as Record<string, unknown> };
    };
    const split = splitOf(operation as PreparedOperation & { plan: PlanNode });
    if (split) {
      try {
        const key = `${reader.group}\n${request.positionKey}`;
        const shape = shaperFor(internals.schema, operation, coerced);
        const client = shared.forReader(reader);
        const json = await groupReads.read({ key, identity, split, variables, headers, client, typeMatches, shape });
        catchUpReadsByPath().inc({ path: "group" });
        return done(json);
      } catch (error) {
        // This viewer alone, as below: their own plan run, or Apollo's.
        if (!(error instanceof Bail)) throw error;
      }
    }
    const run = {
      client: shared.forReader(reader),
      urls,
      headers: { ...headers, [REQUEST_ID_HEADER]: randomUUID() },
      variables,
      typeMatches,
      signal: NEVER_CANCELLED,
      fetched: false,
    };
    const data: Record<string, unknown> = {};
    await executePlan(run, operation.plan, [data]);
    catchUpReadsByPath().inc({ path: "reader" });
    return done(shaperFor(internals.schema, operation, coerced)(data));
  }

  return async (request, identity) => {
    try {
      const answer = await read(request, identity);
      if (answer) return answer;
    } catch (error) {
      if (!(error instanceof Bail)) throw error;
    }
    catchUpReadsByPath().inc({ path: "apollo" });
    return deps.fallback(request, identity);
  };
}
