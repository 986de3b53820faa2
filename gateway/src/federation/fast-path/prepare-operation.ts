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
  /** At most MAX_SHAPERS, least recently used replaced: 2^n combinations must not each stay compiled. */
  shapers: Map<string, (data: Record<string, unknown>) => string>;
}

/** Shapers kept per document; a combination past them is compiled again when it comes back. */
export const MAX_SHAPERS = 8;

/**
 * What preparing a document came to. Only `prepared` and `unsupported` (a valid document the fast
 * path leaves to Apollo, e.g. a mutation) are worth keeping; `invalid` ones (parse, validation,
 * limits or planning failed: Apollo reports the errors) and `refused` ones (an anonymous caller
 * outside the public fields: Apollo refuses before planning, and so does this) are not kept.
 */
export type Preparation =
  | { kind: "prepared"; operation: PreparedOperation; bytes: number }
  | { kind: "unsupported"; bytes: number }
  | { kind: "invalid" }
  | { kind: "refused" };

export interface PrepareDeps {
  schema: GraphQLSchema;
  apiSchema: Schema;
  planner: QueryPlanner;
  limits: RequestLimits;
  publicFields: ReadonlySet<string>;
  introspection: boolean;
  /** The caller is anonymous and anonymous callers are held to the public fields. */
  publicFieldsOnly: boolean;
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

const INVALID = { kind: "invalid" } as const;

/**
 * Parses, validates, checks the anonymous caller's fields and the limits, and plans a query document.
 * Anything the fast path must leave to Apollo (no query, introspection or @defer, plan nodes the
 * fast executor does not run) is `unsupported`: Apollo then answers as before.
 */
export function prepareOperation(deps: PrepareDeps, query: string, operationName: string | undefined): Preparation {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: deps.limits.maxTokens, noLocation: true });
  } catch {
    return INVALID;
  }
  if (validate(deps.schema, document).length > 0) return INVALID;
  const operation = getOperationAST(document, operationName);
  if (!operation) return INVALID;
  const nonPublicRootField = firstNonPublicRootField(document, operation, deps.publicFields, deps.introspection);
  if (deps.publicFieldsOnly && nonPublicRootField) return { kind: "refused" };
  const unsupported = { kind: "unsupported", bytes: 256 + query.length } as const;
  if (operation.operation !== "query" || usesIntrospectionOrDefer(document)) return unsupported;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const limitsNeedVariables = (operation.variableDefinitions?.length ?? 0) > 0;
  if (!limitsNeedVariables) {
    try {
      checkOperationLimits(deps.schema, document, operation, {}, deps.limits);
    } catch {
      return INVALID;
    }
  }
  let plan: QueryPlan;
  try {
    plan = deps.planner.buildQueryPlan(operationFromDocument(deps.apiSchema, document, { operationName }));
  } catch {
    return INVALID;
  }
  const root = plan.node;
  if (!isSupportedPlan(root)) return unsupported;
  const prepared: PreparedOperation = {
    document,
    operation,
    fragments,
    plan: root,
    nonPublicRootField,
    limitsNeedVariables,
    conditionVariables: conditionVariables([
      operation.selectionSet,
      ...Object.values(fragments).map((f) => f.selectionSet),
    ]),
    shapers: new Map(),
  };
  return { kind: "prepared", operation: prepared, bytes: estimatedBytes(document, root) };
}

/** As Apollo sizes its document store: the JSON of what is kept; the document twice, for its shapers. */
function estimatedBytes(document: DocumentNode, plan: PlanNode | undefined): number {
  const documentBytes = JSON.stringify(document).length;
  let planBytes: number;
  try {
    planBytes = plan ? JSON.stringify(plan).length : 0;
  } catch {
    planBytes = documentBytes * 4;
  }
  return 2 * documentBytes + planBytes;
}

/** The shaper for these variables' @skip/@include outcomes, compiled on first use. */
export function shaperFor(schema: GraphQLSchema, prepared: PreparedOperation, variables: Record<string, unknown>) {
  const key = prepared.conditionVariables.map((name) => String(variables[name])).join(",");
  let shaper = prepared.shapers.get(key);
  if (shaper && prepared.conditionVariables.length > 0) {
    prepared.shapers.delete(key);
    prepared.shapers.set(key, shaper);
  }
  if (!shaper) {
    const rootType = schema.getQueryType();
    if (!rootType) throw new Error("the API schema has no Query type");
    shaper = compileShaper(schema, rootType, prepared.operation.selectionSet, prepared.fragments, variables);
    if (prepared.shapers.size >= MAX_SHAPERS) prepared.shapers.delete(prepared.shapers.keys().next().value as string);
    prepared.shapers.set(key, shaper);
  }
  return shaper;
}
