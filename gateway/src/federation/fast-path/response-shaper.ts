import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLEnumType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type SelectionSetNode,
} from "graphql";
import { Bail } from "./bail";
import { type IncludedSelections, includedSelections } from "./included-selections";

/** Writes one value of the merged subgraph data as JSON text, in the operation's shape. */
type WriteValue = (value: unknown) => string;

interface CollectedField {
  key: string;
  fieldName: string;
  selectionSets: SelectionSetNode[];
}

const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);

/** A scalar's writer: built-in scalars checked as Apollo's result shaping checks them, custom ones copied. */
function writeLeaf(type: GraphQLNamedType): WriteValue {
  if (isEnumType(type)) {
    const values = new Set((type as GraphQLEnumType).getValues().map((v) => v.name));
    return (value) => {
      if (typeof value !== "string" || !values.has(value)) throw new Bail("enum value outside the API schema");
      return JSON.stringify(value);
    };
  }
  switch (isScalarType(type) ? type.name : "") {
    case "String":
      return (value) => {
        if (typeof value === "boolean" || typeof value === "object") throw new Bail("not a String");
        if (typeof value === "number") throw new Bail("number for String");
        return JSON.stringify(value);
      };
    case "Int":
      return (value) => {
        if (!Number.isInteger(value) || (value as number) > INT_MAX || (value as number) < INT_MIN) {
          throw new Bail("not an Int");
        }
        return String(value);
      };
    case "Float":
      return (value) => {
        if (typeof value !== "number" || !Number.isFinite(value)) throw new Bail("not a Float");
        return String(value);
      };
    case "Boolean":
      return (value) => {
        if (typeof value !== "boolean") throw new Bail("not a Boolean");
        return value ? "true" : "false";
      };
    case "ID":
      return (value) => {
        if (typeof value === "string") return JSON.stringify(value);
        if (Number.isInteger(value)) return String(value);
        throw new Bail("not an ID");
      };
    default:
      return (value) => JSON.stringify(value) ?? "null";
  }
}

/**
 * A compiled shaper for one operation (and one set of @skip/@include outcomes): it walks the merged
 * subgraph data once and writes the response's `data` JSON directly, in the field order graphql-js and
 * Apollo's result shaping produce. What Apollo would answer with an error (a null in a non-null
 * position, an invalid leaf, an unknown __typename) throws Bail, and the caller lets Apollo answer.
 */
export function compileShaper(
  schema: GraphQLSchema,
  rootType: GraphQLObjectType,
  rootSelectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): (data: Record<string, unknown>) => string {
  const included: IncludedSelections = includedSelections(variables);

  function collect(runtimeType: GraphQLObjectType, selectionSets: SelectionSetNode[]): CollectedField[] {
    const byKey = new Map<string, CollectedField>();
    const visitedFragments = new Set<string>();
    const applies = (condition: string | undefined) => {
      if (!condition || condition === runtimeType.name) return true;
      const conditionType = schema.getType(condition);
      return !!conditionType && isAbstractType(conditionType) && schema.isSubType(conditionType, runtimeType);
    };
    const visit = (selectionSet: SelectionSetNode) => {
      for (const selection of included.of(selectionSet)) {
        if (selection.kind === "Field") {
          addField(selection);
        } else if (selection.kind === "InlineFragment") {
          if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet);
        } else {
          const name = selection.name.value;
          const fragment = fragments[name];
          if (visitedFragments.has(name) || !fragment) continue;
          visitedFragments.add(name);
          if (applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
        }
      }
    };
    const addField = (node: FieldNode) => {
      const key = node.alias?.value ?? node.name.value;
      const existing = byKey.get(key);
      if (existing) {
        if (node.selectionSet) existing.selectionSets.push(node.selectionSet);
        return;
      }
      byKey.set(key, { key, fieldName: node.name.value, selectionSets: node.selectionSet ? [node.selectionSet] : [] });
    };
    for (const selectionSet of selectionSets) visit(selectionSet);
    return [...byKey.values()];
  }

  function writeObject(staticType: GraphQLNamedType, selectionSets: SelectionSetNode[]): WriteValue {
    const byRuntimeType = new Map<string, (object: Record<string, unknown>) => string>();
    const writerFor = (typeName: string) => {
      let writer = byRuntimeType.get(typeName);
      if (writer) return writer;
      const runtimeType = schema.getType(typeName);
      if (!runtimeType || !isObjectType(runtimeType)) throw new Bail(`unknown __typename ${typeName}`);
      writer = writeFields(runtimeType, collect(runtimeType, selectionSets));
      byRuntimeType.set(typeName, writer);
      return writer;
    };
    const staticName = isObjectType(staticType) ? staticType.name : undefined;
    return (value) => {
      if (typeof value !== "object" || Array.isArray(value)) throw new Bail("not an object");
      const object = value as Record<string, unknown>;
      const typename = object.__typename;
      if (typename !== undefined && typeof typename !== "string") throw new Bail("__typename not a string");
      const name = typename ?? staticName;
      if (name === undefined) throw new Bail("abstract value without __typename");
      return writerFor(name)(object);
    };
  }

  function writeFields(runtimeType: GraphQLObjectType, fields: CollectedField[]) {
    const definitions = runtimeType.getFields();
    const writers = fields.map((field) => {
      const prefix = `${JSON.stringify(field.key)}:`;
      if (field.fieldName === "__typename") {
        const typename = JSON.stringify(runtimeType.name);
        return () => prefix + typename;
      }
      const definition = definitions[field.fieldName];
      if (!definition) throw new Bail(`no field ${runtimeType.name}.${field.fieldName}`);
      const write = writeType(definition.type, field.selectionSets);
      const key = field.key;
      return (object: Record<string, unknown>) => prefix + write(Object.hasOwn(object, key) ? object[key] : null);
    });
    return (object: Record<string, unknown>) => {
      let out = "{";
      for (let i = 0; i < writers.length; i++) out += (i === 0 ? "" : ",") + writers[i]!(object);
      return `${out}}`;
    };
  }

  function writeType(type: GraphQLOutputType, selectionSets: SelectionSetNode[]): WriteValue {
    if (isNonNullType(type)) {
      const write = writeType(type.ofType, selectionSets);
      return (value) => {
        if (value === null || value === undefined) throw new Bail("null in a non-null position");
        return write(value);
      };
    }
    let write: WriteValue;
    if (isListType(type)) {
      const item = writeType(type.ofType, selectionSets);
      write = (value) => {
        if (!Array.isArray(value)) throw new Bail("not a list");
        let out = "[";
        for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + item(value[i]);
        return `${out}]`;
      };
    } else if (selectionSets.length > 0) {
      write = writeObject(type, selectionSets);
    } else {
      write = writeLeaf(type);
    }
    return (value) => (value === null || value === undefined ? "null" : write(value));
  }

  const writeRoot = writeFields(rootType, collect(rootType, [rootSelectionSet]));
  return (data) => writeRoot(data);
}
