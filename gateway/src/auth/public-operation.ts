import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

const ROOT_TYPE_NAMES = { query: "Query", mutation: "Mutation", subscription: "Subscription" } as const;

/**
 * The first root field an anonymous caller may not select, or null when all are public.
 * Public fields are named `Type.field` with the conventional root type names.
 */
export function firstNonPublicRootField(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  publicFields: ReadonlySet<string>,
  introspection: boolean,
): string | null {
  const typeName = ROOT_TYPE_NAMES[operation.operation];
  const visited = new Set<string>();

  const scan = (selectionSet: SelectionSetNode): string | null => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === "__typename") continue;
        if (introspection && (name === "__schema" || name === "__type") && operation.operation === "query") continue;
        if (!publicFields.has(`${typeName}.${name}`)) return `${typeName}.${name}`;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const found = scan(selection.selectionSet);
        if (found) return found;
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = document.definitions.find(
          (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
        );
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) {
          const found = scan(fragment.selectionSet);
          if (found) return found;
        }
      }
    }
    return null;
  };

  return scan(operation.selectionSet);
}
