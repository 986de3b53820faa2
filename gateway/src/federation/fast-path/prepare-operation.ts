import { operationFromDocument, type Schema } from "@apollo/federation-internals";
import type { PlanNode, QueryPlan, QueryPlanner } from "@apollo/query-planner";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  validate,
} from "graphql";
import { firstNonPublicRootField } from "../../auth/public-operation";
import type { RequestLimits } from "../../config";
import { checkOperationLimits } from "../../limits/check-operation-limits";
import { conditionVariables } from "./included-selections";
import { isSupportedPlan } from "./plan-executor";
import { compileShaper } from "./response-shaper";

/** Everything about one document that does not depend on the request: worked out once, then reused. */
export interface PreparedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  /** The query plan's root node; none when nothing needs fetching (only __typename). */
  plan: PlanNode | undefined;
  /** The first root field an anonymous caller may not select, null when all are public. */
  nonPublicRootField: string | null;
  /** Limits depend on variables (page sizes) only when the operation declares some. */
  limitsNeedVariables: boolean;
  /** Variables deciding @skip/@include; a shaper is compiled per combination of their values. */
  conditionVariables: string[];
  shapers: Map<string, (data: Record<string, unknown>) => string>;
}

export interface PrepareDeps {
  schema: GraphQLSchema;
  apiSchema: Schema;
  planner: QueryPlanner;
  limits: RequestLimits;
  publicFields: ReadonlySet<string>;
  introspection: boolean;
}

function usesIntrospectionOrDefer(document: DocumentNode): boolean {
  let found = false;
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.directives?.some((d) => d.name.value === "defer" || d.name.value === "stream")) found = true;
      if (selection.kind === Kind.FIELD && (selection.name.value === "__schema" || selection.name.value === "__type")) {
        found = true;
      }
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) visit(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      visit(definition.selectionSet);
    }
  }
  return found;
}

/**
 * Parses, validates, checks limits and plans a query document, or returns null when the fast path
 * must leave it to Apollo (it does not parse or validate, it is no query, it selects introspection or
 * defers, its plan holds nodes the fast executor does not run): Apollo then answers as before.
 */
export function prepareOperation(deps: PrepareDeps, query: string, operationName: string | undefined) {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: deps.limits.maxTokens });
  } catch {
    return null;
  }
  if (validate(deps.schema, document).length > 0) return null;
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== "query" || usesIntrospectionOrDefer(document)) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const limitsNeedVariables = (operation.variableDefinitions?.length ?? 0) > 0;
  if (!limitsNeedVariables) {
    try {
      checkOperationLimits(deps.schema, document, operation, {}, deps.limits);
    } catch {
      return null;
    }
  }
  let plan: QueryPlan;
  try {
    plan = deps.planner.buildQueryPlan(operationFromDocument(deps.apiSchema, document, { operationName }));
  } catch {
    return null;
  }
  const root = plan.node;
  if (!isSupportedPlan(root)) return null;
  const prepared: PreparedOperation = {
    document,
    operation,
    fragments,
    plan: root,
    nonPublicRootField: firstNonPublicRootField(document, operation, deps.publicFields, deps.introspection),
    limitsNeedVariables,
    conditionVariables: conditionVariables([
      operation.selectionSet,
      ...Object.values(fragments).map((f) => f.selectionSet),
    ]),
    shapers: new Map(),
  };
  return prepared;
}

/** The shaper for these variables' @skip/@include outcomes, compiled on first use. */
export function shaperFor(schema: GraphQLSchema, prepared: PreparedOperation, variables: Record<string, unknown>) {
  const key = prepared.conditionVariables.map((name) => String(variables[name])).join(",");
  let shaper = prepared.shapers.get(key);
  if (!shaper) {
    const rootType = schema.getQueryType();
    if (!rootType) throw new Error("the API schema has no Query type");
    shaper = compileShaper(schema, rootType, prepared.operation.selectionSet, prepared.fragments, variables);
    prepared.shapers.set(key, shaper);
  }
  return shaper;
}
