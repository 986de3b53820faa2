import type { ApolloServerPlugin } from "@apollo/server";
import {
  type FieldNode,
  GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
} from "graphql";
import type { GatewayContext } from "../context";
import { manifestOperations } from "../persisted/manifest-operations";
import { brokenOperations } from "../persisted/validate-manifest";

const PUBLISH_FIELD = "publishPersistedOperations";

function publishInput(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Record<string, unknown>[] {
  const field = schema.getMutationType()?.getFields()[PUBLISH_FIELD];
  if (operation.operation !== "mutation" || !field) return [];
  const nodes = operation.selectionSet.selections.filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === PUBLISH_FIELD,
  );
  if (nodes.length === 0) return [];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return [];
  return nodes.map((node) => getArgumentValues(field, node, coerced.coerced).input as Record<string, unknown>);
}

/**
 * Only the gateway holds the supergraph, so it checks a manifest before identity stores it: every
 * operation must validate against the current API schema, or nothing is published.
 */
export function manifestValidationPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, request }) {
          if (!operation) return;
          for (const input of publishInput(schema, operation, request.variables ?? {})) {
            const operations = manifestOperations(input?.manifest);
            if (!operations) continue;
            const broken = brokenOperations(schema, operations);
            if (broken.length === 0) continue;
            const list = broken.map((b) => `${b.name ?? "(anonymous)"} (${b.id}): ${b.error}`).join("; ");
            throw new GraphQLError(
              `manifest refused: ${broken.length} operation(s) do not validate against the current supergraph: ${list}`,
              { extensions: { code: "BAD_USER_INPUT", brokenOperations: broken, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
