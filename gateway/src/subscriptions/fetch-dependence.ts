import {
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  type SelectionSetNode,
} from "graphql";
import type { ViewerDependence } from "./viewer-dependence";

/**
 * Whether one subgraph fetch of a query plan (`tickEvents { … }`, or `_entities(…) { ... on Person
 * { name } }`) selects anything viewer-dependent. Its answer may then differ between viewers alike in
 * tenant, role and scopes, so it is made with each viewer's own identity; any other fetch gives them
 * all the same answer for the same input. Anything the API schema does not know counts as dependent.
 */
export function fetchIsViewerDependent(
  schema: GraphQLSchema,
  marks: ViewerDependence | null,
  subgraphOperation: string,
): boolean {
  if (!marks) return true;
  let document: ReturnType<typeof parse>;
  try {
    document = parse(subgraphOperation, { noLocation: true });
  } catch {
    return true;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const markedType = (name: string) => {
    if (marks.types.has(name)) return true;
    const type = schema.getType(name);
    return !!type && isAbstractType(type) && schema.getPossibleTypes(type).some((t) => marks.types.has(t.name));
  };
  const seen = new Set<string>();

  // `parent` null: a selection on `_Entity`, where only type conditions say what an object is.
  const dependent = (selectionSet: SelectionSetNode, parent: string | null, root: boolean): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value ?? parent;
        if (dependent(selection.selectionSet, condition, false)) return true;
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) return true;
        if (seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        if (dependent(fragment.selectionSet, fragment.typeCondition.name.value, false)) return true;
      } else {
        const name = selection.name.value;
        if (name === "__typename") continue;
        if (root && name === "_entities") {
          if (!selection.selectionSet || dependent(selection.selectionSet, null, false)) return true;
          continue;
        }
        const type = parent === null ? undefined : schema.getType(parent);
        if (!type || !(isObjectType(type) || isInterfaceType(type))) return true;
        const field = type.getFields()[name];
        if (!field || markedType(type.name) || marks.fields.has(`${type.name}.${name}`)) return true;
        const named = getNamedType(field.type);
        if (markedType(named.name)) return true;
        if (selection.selectionSet && dependent(selection.selectionSet, named.name, false)) return true;
      }
    }
    return false;
  };

  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (definition.operation !== "query") return true;
    const root = schema.getQueryType()?.name ?? "Query";
    if (dependent(definition.selectionSet, root, true)) return true;
  }
  return false;
}
