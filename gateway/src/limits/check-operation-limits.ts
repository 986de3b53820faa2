import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from "graphql";
import type { RequestLimits } from "../config";
import { MAX_VISITED_SELECTIONS, measureOperation } from "./measure-operation";

function limitError(limit: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", limit, http: { status: 400 } } });
}

/** Throws a BAD_USER_INPUT error naming the first limit the operation exceeds. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: RequestLimits,
): void {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const measure = measureOperation(schema, operation, fragments, variables);
  if (measure.visited > MAX_VISITED_SELECTIONS) {
    throw limitError("MAX_COST", `operation expands to more than ${MAX_VISITED_SELECTIONS} selections`);
  }
  if (measure.depth > limits.maxDepth) {
    throw limitError("MAX_DEPTH", `operation depth ${measure.depth} exceeds the maximum depth of ${limits.maxDepth}`);
  }
  if (measure.aliases > limits.maxAliases) {
    throw limitError("MAX_ALIASES", `operation uses ${measure.aliases} aliases; the maximum is ${limits.maxAliases}`);
  }
  if (measure.cost > limits.maxCost) {
    throw limitError("MAX_COST", `operation cost ${measure.cost} exceeds the maximum cost of ${limits.maxCost}`);
  }
}
