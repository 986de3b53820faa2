import {
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
  /** Selections visited with fragments expanded; bounds the walk itself against fragment fan-out. */
  visited: number;
}

const PAGINATION_ARGUMENTS = new Set(["first", "last", "limit"]);
const UNBOUNDED_LIST_MULTIPLIER = 10;
/** Stop walking past this: the operation is refused anyway, and walking on would be the attack. */
export const MAX_VISITED_SELECTIONS = 50_000;

/**
 * Depth, aliases and cost of one operation, fragments expanded. Introspection fields (`__…`)
 * are not counted: their shape is fixed, and the introspection toggle governs them.
 * Cost: 1 per field, times the list size below it (`first`/`last`/`limit`, else 10 for a list).
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): OperationMeasure {
  const measure: OperationMeasure = { depth: 0, aliases: 0, cost: 0, visited: 0 };
  const root = schema.getRootType(operation.operation);
  if (!root) return measure;

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, depth: number, paginated: boolean) => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (++measure.visited > MAX_VISITED_SELECTIONS) return cost;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith("__")) continue;
        if (selection.alias) measure.aliases++;
        measure.depth = Math.max(measure.depth, depth);
        const field =
          isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        const pageSize = paginationSize(selection.arguments ?? [], variables);
        const isList = isListType(getNullableType(field.type));
        const multiplier = pageSize ?? (isList && !paginated ? UNBOUNDED_LIST_MULTIPLIER : 1);
        const named = getNamedType(field.type);
        const childCost =
          selection.selectionSet && isCompositeType(named)
            ? walk(selection.selectionSet, named, depth + 1, pageSize !== undefined)
            : 0;
        cost += 1 + multiplier * childCost;
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
        if (!fragment) continue;
        const typeName = fragment.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        cost += walk(fragment.selectionSet, isCompositeType(type) ? type : parent, depth, paginated);
      }
    }
    return cost;
  };

  measure.cost = walk(operation.selectionSet, root, 1, false);
  return measure;
}

function paginationSize(
  args: readonly { name: { value: string }; value: ValueNode }[],
  variables: Record<string, unknown>,
) {
  for (const arg of args) {
    if (!PAGINATION_ARGUMENTS.has(arg.name.value)) continue;
    const value =
      arg.value.kind === Kind.INT
        ? Number(arg.value.value)
        : arg.value.kind === Kind.VARIABLE
          ? variables[arg.value.name.value]
          : undefined;
    if (typeof value === "number" && Number.isFinite(value)) return Math.max(1, value);
    return UNBOUNDED_LIST_MULTIPLIER;
  }
  return undefined;
}
