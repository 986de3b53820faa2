import { existsSync, readFileSync } from "node:fs";
import {
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

/**
 * What may not be shared across viewers (`schema/viewer-dependent.json`): named types and
 * `Type.field`s whose value or visibility depends on who reads beyond tenant, role and scopes.
 * `null` when the file is missing: then every payload is treated as viewer-dependent.
 */
export interface ViewerDependence {
  types: ReadonlySet<string>;
  fields: ReadonlySet<string>;
}

export function loadViewerDependence(path: string): ViewerDependence | null {
  if (!existsSync(path)) return null;
  const raw = JSON.parse(readFileSync(path, "utf8")) as { types?: object; fields?: object };
  return { types: new Set(Object.keys(raw.types ?? {})), fields: new Set(Object.keys(raw.fields ?? {})) };
}

/** Entries naming no type or field of the schema (a stale list marks nothing; CI checks it is empty). */
export function unknownViewerDependentEntries(schema: GraphQLSchema, marks: ViewerDependence): string[] {
  const unknown = [...marks.types].filter((type) => !schema.getType(type));
  for (const field of marks.fields) {
    const [typeName, fieldName] = field.split(".");
    const type = typeName ? schema.getType(typeName) : undefined;
    const fields = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : {};
    if (!fieldName || !fields[fieldName]) unknown.push(field);
  }
  return unknown;
}

/** The first viewer-dependent type or field reachable from `typeName`, as a path, or null. */
export function viewerDependentPathFrom(
  schema: GraphQLSchema,
  marks: ViewerDependence,
  typeName: string,
): string | null {
  const seen = new Set<string>();
  const queue: { type: GraphQLNamedType; path: string }[] = [];
  const enqueue = (type: GraphQLNamedType, path: string) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    queue.push({ type, path });
  };
  const start = schema.getType(typeName);
  if (start) enqueue(start, typeName);
  for (let item = queue.shift(); item; item = queue.shift()) {
    const { type, path } = item;
    if (marks.types.has(type.name)) return path;
    if (isAbstractType(type)) for (const t of schema.getPossibleTypes(type)) enqueue(t, `${path}(${t.name})`);
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const fieldPath = `${path}.${field.name}`;
      if (marks.fields.has(`${type.name}.${field.name}`)) return fieldPath;
      enqueue(getNamedType(field.type), fieldPath);
    }
  }
  return null;
}

/**
 * Whether a query selects nothing viewer-dependent, so every viewer alike in tenant, role and
 * scopes gets the same answer. Anything the schema does not know counts as dependent.
 */
export function selectsNothingViewerDependent(
  schema: GraphQLSchema,
  marks: ViewerDependence | null,
  query: string,
): boolean {
  if (!marks) return false;
  const typeInfo = new TypeInfo(schema);
  let independent = true;
  visit(
    parse(query),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value.startsWith("__")) return;
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const named = field ? getNamedType(field.type) : undefined;
        if (
          !parent ||
          !field ||
          !named ||
          marks.types.has(parent.name) ||
          marks.fields.has(`${parent.name}.${field.name}`) ||
          marks.types.has(named.name) ||
          (isAbstractType(named) && schema.getPossibleTypes(named).some((t) => marks.types.has(t.name)))
        ) {
          independent = false;
        }
      },
    }),
  );
  return independent;
}
