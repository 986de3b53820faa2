import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import type { InternalTokenSigner } from "@atelier/internal-auth";
import type { Logger } from "@atelier/logging";
import { graphqlMetricsPlugin } from "@atelier/service-runtime";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import { applyApolloTelemetrySetting, type GatewayConfig } from "../config";
import type { GatewayContext } from "../context";
import { getCachingPlugin } from "../plugins/get-caching";
import { manifestValidationPlugin } from "../plugins/manifest-validation";
import { operationGuardPlugin } from "../plugins/operation-guard";
import { isUnexpected, requestLoggingPlugin } from "../plugins/request-logging";
import { usageRecordingPlugin } from "../plugins/usage-recording";
import type { UsageRecorder } from "../usage/usage-recorder";
import { IdentityForwardingDataSource } from "./identity-data-source";
import type { Fetcher } from "./keep-alive-fetcher";
import type { SubgraphEndpoint } from "./supergraph";

export interface ApolloServerDeps {
  supergraphSdl: string;
  subgraphs: SubgraphEndpoint[];
  signer: InternalTokenSigner;
  /** Undefined keeps Apollo's default fetcher. */
  fetcher: Fetcher | undefined;
  logger: Logger;
  usage: UsageRecorder;
}

export interface FederatedServer {
  apollo: ApolloServer<GatewayContext>;
  /** The gateway inside Apollo Server: the fast path plans with its planner. */
  gateway: ApolloGateway;
  /** The supergraph's API schema once loaded: what subscriptions validate against. */
  apiSchema(): GraphQLSchema;
}

/** Apollo Gateway inside Apollo Server, with Apollo's reporting, landing page and stack traces off. */
export function createApolloServer(
  config: Pick<
    GatewayConfig,
    "apolloTelemetry" | "introspection" | "limits" | "persistedOperations" | "publicFields" | "allowAnonymous"
  >,
  deps: ApolloServerDeps,
): FederatedServer {
  applyApolloTelemetrySetting(config);
  const urlByName = new Map(deps.subgraphs.map((s) => [s.name, s.url]));
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    logger: deps.logger,
    buildService: ({ name, url }) =>
      new IdentityForwardingDataSource(urlByName.get(name) ?? url ?? "", deps.fetcher, deps.signer, name),
  });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((update) => {
    apiSchema = update.apiSchema;
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.introspection,
    // "Did you mean …?" would spell out the schema that turning introspection off hides.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    allowBatchedHttpRequests: true,
    // The HTTP handler resolves persisted ids (APQ and trusted documents) before Apollo runs.
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    // The process stops the server itself, after draining requests (stopOnSignals in index.ts).
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    logger: deps.logger,
    plugins: [
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      operationGuardPlugin(config),
      manifestValidationPlugin(),
      getCachingPlugin(config.persistedOperations.getMaxAgeSeconds),
      usageRecordingPlugin(deps.usage),
      requestLoggingPlugin(),
      graphqlMetricsPlugin<GatewayContext>(),
    ],
    formatError: (formatted) => {
      if (isUnexpected(formatted)) {
        return { message: "Unexpected error.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
      }
      return explainTokenLimit(formatted, config.limits.maxTokens);
    },
  });
  return {
    apollo,
    gateway,
    apiSchema() {
      if (!apiSchema) throw new Error("the supergraph is not loaded yet");
      return apiSchema;
    },
  };
}

/** graphql-js words the token limit as a syntax error ("more that N tokens"); say which limit it is. */
function explainTokenLimit(formatted: GraphQLFormattedError, maxTokens: number): GraphQLFormattedError {
  if (formatted.extensions?.code !== "GRAPHQL_PARSE_FAILED" || !formatted.message.includes("tokens. Parsing aborted")) {
    return formatted;
  }
  return {
    message: `operation has more than ${maxTokens} tokens, the maximum (MAX_TOKENS)`,
    extensions: { ...formatted.extensions, limit: "MAX_TOKENS" },
  };
}
