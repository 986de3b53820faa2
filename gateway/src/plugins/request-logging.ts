import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLError } from "graphql";
import type { GatewayContext } from "../context";

/** True for errors the gateway itself did not expect: they are logged and masked. */
export function isUnexpected(error: GraphQLError | { extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  if (code !== undefined && code !== "INTERNAL_SERVER_ERROR") return false;
  // Errors a subgraph returned carry its name; the subgraph masked and logged its own.
  return error.extensions?.serviceName === undefined;
}

/** Per-request logging: unexpected errors at error level with the request id, each request at debug. */
export function requestLoggingPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            if (isUnexpected(error)) {
              contextValue.logger.error(
                { err: error.originalError ?? error, operation: operationName },
                "unexpected error",
              );
            }
          }
        },
        async willSendResponse({ operationName, response }) {
          if (!contextValue.logger.isLevelEnabled("debug")) return;
          contextValue.logger.debug(
            {
              operation: operationName,
              status: response.http.status ?? 200,
              ms: Math.round(performance.now() - started),
            },
            "graphql request",
          );
        },
      };
    },
  };
}
