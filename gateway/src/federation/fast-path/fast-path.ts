import type { ApolloGateway } from "@apollo/gateway";
import {
  CLIENT_IP_HEADER,
  CLIENT_USER_AGENT_HEADER,
  delegationOf,
  IDENTITY_HEADER,
  type InternalTokenSigner,
} from "@atelier/internal-auth";
import { REQUEST_ID_HEADER } from "@atelier/logging";
import { recordGraphQLRequest } from "@atelier/service-runtime";
import { type GraphQLSchema, getVariableValues, isAbstractType, isInterfaceType, isObjectType } from "graphql";
import type { GatewayConfig } from "../../config";
import type { GatewayContext } from "../../context";
import { checkOperationLimits } from "../../limits/check-operation-limits";
import type { SubgraphEndpoint } from "../supergraph";
import { Bail } from "./bail";
import { Cancellation } from "./cancellation";
import { type CachedDocument, DocumentCache, documentKey, MAX_CACHED_DOCUMENT_CHARS } from "./document-cache";
import { gatewayInternals } from "./gateway-internals";
import { executePlan, type PlanRun } from "./plan-executor";
import { type PreparedOperation, prepareOperation, shaperFor } from "./prepare-operation";
import { createSubgraphClient } from "./subgraph-client";

/** How long Apollo answers a document alone after the fast path stepped aside past subgraph calls. */
const APOLLO_ONLY_MS = 60_000;
const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export interface FastRequest {
  /** The POST body with persisted ids already resolved. */
  body: unknown;
  contentType: string | undefined;
  accept: string | undefined;
  context: GatewayContext;
}

export interface FastResponse {
  contentType: string;
  /** Apollo's cache-control plugin says no-store unless subgraphs sent cache hints (the fast path steps aside then). */
  cacheControl: "no-store";
  body: string;
}

export interface FastPath {
  /** The answer Apollo would give, or undefined when Apollo must answer this request itself. */
  execute(request: FastRequest): Promise<FastResponse | undefined>;
  close(): Promise<void>;
}

const isJson = (value: string | undefined) => !!value && /^application\/json\s*(;|$)/i.test(value);
// Apollo answers application/json to these; other Accept headers are negotiated by Apollo itself.
const acceptsPlainJson = (accept: string | undefined) =>
  accept === undefined || accept === "*/*" || accept === "application/json";

/**
 * The gateway's fast path for queries: per-document work (parse, validation, limits, query plan,
 * a compiled response shaper) done once per document; subgraph calls on pooled keep-alive
 * connections, each answer parsed once and merged in place; the response written straight to JSON.
 * It answers byte for byte as Apollo Gateway would, and hands everything else to Apollo: mutations,
 * introspection, API clients and delegations, and any request whose answer would carry errors.
 */
export function createFastPath(
  gateway: ApolloGateway,
  config: Pick<GatewayConfig, "allowAnonymous" | "introspection" | "limits" | "publicFields">,
  subgraphs: SubgraphEndpoint[],
  signer: InternalTokenSigner,
): FastPath {
  const client = createSubgraphClient();
  const urls = new Map(subgraphs.map((s) => [s.name, s.url]));
  const publicFields = new Set(config.publicFields);
  // null: a valid document the fast path leaves to Apollo.
  const prepared = new DocumentCache<PreparedOperation | null>();
  let preparedFor: GraphQLSchema | undefined;
  const typeMatchCache = new Map<string, boolean>();

  const typeMatches = (supergraph: GraphQLSchema) => (condition: string, typename: string) => {
    if (condition === typename) return true;
    const key = `${condition}\0${typename}`;
    let matches = typeMatchCache.get(key);
    if (matches === undefined) {
      const type = supergraph.getType(typename);
      const conditionType = supergraph.getType(condition);
      matches =
        !!type &&
        !!conditionType &&
        isAbstractType(conditionType) &&
        (isObjectType(type) || isInterfaceType(type)) &&
        supergraph.isSubType(conditionType, type);
      typeMatchCache.set(key, matches);
    }
    return matches;
  };

  /** The document's cache entry; undefined when it is not to be kept (invalid, or refused to this caller). */
  function lookup(
    internals: NonNullable<ReturnType<typeof gatewayInternals>>,
    query: string,
    name: string | undefined,
    publicFieldsOnly: boolean,
  ): CachedDocument<PreparedOperation | null> | undefined {
    if (preparedFor !== internals.schema) {
      prepared.clear();
      typeMatchCache.clear();
      preparedFor = internals.schema;
    }
    const key = documentKey(query, name);
    const entry = prepared.get(key);
    if (entry) return entry;
    const deps = { ...internals, limits: config.limits, publicFields, introspection: config.introspection };
    const preparation = prepareOperation({ ...deps, publicFieldsOnly }, query, name);
    if (preparation.kind === "prepared") return prepared.set(key, preparation.operation, preparation.bytes);
    if (preparation.kind === "unsupported") return prepared.set(key, null, preparation.bytes);
    return undefined;
  }

  async function answer({ body, contentType, accept, context }: FastRequest): Promise<FastResponse | undefined> {
    const started = performance.now();
    if (!isJson(contentType) || !acceptsPlainJson(accept)) return undefined;
    if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
    const { query, operationName, variables = {} } = body as Record<string, unknown>;
    if (typeof query !== "string" || (operationName !== undefined && typeof operationName !== "string")) return;
    if (typeof variables !== "object" || variables === null || Array.isArray(variables)) return undefined;
    const { identity } = context;
    if (identity.kind === "apiClient" || delegationOf(identity)) return undefined;
    const internals = gatewayInternals(gateway);
    if (!internals) return undefined;
    if (query.length > MAX_CACHED_DOCUMENT_CHARS) return undefined;
    const publicFieldsOnly = identity.kind === "anonymous" && !config.allowAnonymous;
    const entry = lookup(internals, query, operationName, publicFieldsOnly);
    const operation = entry?.value;
    if (!entry || !operation) return undefined;
    if (publicFieldsOnly && operation.nonPublicRootField) return undefined;
    if (entry.apolloUntil !== 0) {
      if (Date.now() < entry.apolloUntil) return undefined;
      entry.apolloUntil = 0;
    }
    const provided = variables as Record<string, unknown>;
    let coerced: Record<string, unknown> = {};
    if (operation.limitsNeedVariables) {
      const result = getVariableValues(internals.schema, operation.operation.variableDefinitions ?? [], provided);
      if (result.errors) return undefined;
      coerced = result.coerced;
      try {
        checkOperationLimits(internals.schema, operation.document, operation.operation, provided, config.limits);
      } catch {
        return undefined;
      }
    }
    const headers: Record<string, string> = {
      "content-type": "application/json",
      [IDENTITY_HEADER]: await signer.sign(identity),
      [REQUEST_ID_HEADER]: context.requestId,
    };
    if (context.client.ip) headers[CLIENT_IP_HEADER] = context.client.ip;
    if (context.client.userAgent) headers[CLIENT_USER_AGENT_HEADER] = context.client.userAgent;
    const cancellation = new Cancellation();
    const run: PlanRun = {
      client,
      urls,
      headers,
      variables: provided,
      typeMatches: typeMatches(internals.supergraph),
      signal: cancellation,
      fetched: false,
      span: context.span,
    };
    try {
      const data: Record<string, unknown> = {};
      if (operation.plan) await executePlan(run, operation.plan, [data]);
      const json = shaperFor(internals.schema, operation, coerced)(data);
      // Apollo's metrics plugin counts what Apollo answers; these answers are counted here.
      recordGraphQLRequest(operation.operation.name?.value, "ok", (performance.now() - started) / 1000);
      return { contentType: JSON_CONTENT_TYPE, cacheControl: "no-store", body: `{"data":${json}}\n` };
    } catch (error) {
      // Sibling fetches still running are no longer needed: Apollo makes its own.
      cancellation.cancel();
      if (error instanceof Bail) {
        // Apollo runs the query again; for a while it alone answers this document, not both.
        if (run.fetched) entry.apolloUntil = Date.now() + APOLLO_ONLY_MS;
        context.logger.debug({ reason: error.message }, "fast path stepped aside: Apollo answers");
        return undefined;
      }
      throw error;
    }
  }

  return {
    async execute(request) {
      const response = await answer(request);
      if (response) request.context.logger.debug("answered by the fast path");
      return response;
    },
    close: () => client.close(),
  };
}
