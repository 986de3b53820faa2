import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { graphqlMetricsPlugin } from "@atelier/service-runtime";
import type { DocumentNode, GraphQLSchema } from "graphql";
import type { BaseContext } from "./context";
import { classifyError } from "./format-error";

const unexpected = new WeakSet<object>();

/** Logs the errors that will reach the client masked, with the request's logger. */
const logUnexpectedErrors: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const { unexpected: isUnexpected } = classifyError({ message: error.message }, error);
          if (isUnexpected) {
            unexpected.add(error);
            contextValue.log.error({ err: error.originalError ?? error, path: error.path }, "unexpected error");
          }
        }
      },
    };
  },
};

/** The subgraph's executable schema, as Apollo Server and per-viewer requests both run it. */
export function subgraphSchema(typeDefs: DocumentNode, resolvers: unknown): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });
}

export function createApolloSubgraph<C extends BaseContext>(opts: {
  schema: GraphQLSchema;
  introspection: boolean;
}): ApolloServer<C> {
  return new ApolloServer<C>({
    schema: opts.schema,
    introspection: opts.introspection,
    // "Did you mean …?" would spell out the schema that turning introspection off hides.
    hideSchemaDetailsFromClientErrors: !opts.introspection,
    includeStacktraceInErrorResponses: false,
    // The process stops the server itself, after draining requests (stopOnSignals).
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => classifyError(formatted, error).formatted,
    plugins: [
      logUnexpectedErrors as ApolloServerPlugin<C>,
      graphqlMetricsPlugin<C>(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // No schema uses @cacheControl, and the default plugin wraps every field's resolver to
      // compute hints: a fifth of creative's time on a 3,000-object dashboard.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}
