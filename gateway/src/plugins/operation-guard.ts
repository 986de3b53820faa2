import type { ApolloServerPlugin } from "@apollo/server";
import { delegationOf } from "@atelier/internal-auth";
import { GraphQLError } from "graphql";
import { firstNonPublicRootField } from "../auth/public-operation";
import type { GatewayConfig } from "../config";
import type { GatewayContext } from "../context";
import { checkOperationLimits } from "../limits/check-operation-limits";

/**
 * Refuses, before any subgraph is called: anonymous callers outside the public fields, delegations
 * outside the root fields they name, and operations over the limits.
 */
export function operationGuardPlugin(
  config: Pick<GatewayConfig, "publicFields" | "allowAnonymous" | "introspection" | "limits">,
): ApolloServerPlugin<GatewayContext> {
  const publicFields = new Set(config.publicFields);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, schema, request }) {
          // Apollo Gateway answers a missing operation with 500; the client named it, so 400.
          if (!operation) {
            const message = request.operationName
              ? `Unknown operation named "${request.operationName}".`
              : "Must provide operation name if query contains multiple operations.";
            throw new GraphQLError(message, {
              extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } },
            });
          }
          if (contextValue.identity.kind === "anonymous" && !config.allowAnonymous) {
            const field = firstNonPublicRootField(document, operation, publicFields, config.introspection);
            if (field) {
              throw new GraphQLError(`authentication required for ${field}: send a Bearer token or an API key`, {
                extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
              });
            }
          }
          const delegation = delegationOf(contextValue.identity);
          if (delegation) {
            const field = firstNonPublicRootField(document, operation, new Set(delegation.fields), false);
            if (field) {
              throw new GraphQLError(`the delegation from ${delegation.service} does not allow ${field}`, {
                extensions: { code: "FORBIDDEN", http: { status: 403 } },
              });
            }
          }
          checkOperationLimits(schema, document, operation, request.variables ?? {}, config.limits);
        },
      };
    },
  };
}
