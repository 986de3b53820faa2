import { readFileSync } from "node:fs";
import path from "node:path";
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";

export type RootKind = "query" | "mutation" | "subscription";

/** One root field of the supergraph, ready to be attacked. */
export interface RootField {
  kind: RootKind;
  name: string;
  description: string;
  /** The subgraph that resolves it (from `@join__field`/`@join__type`), lower-case. */
  subgraph: string;
  field: GraphQLField<unknown, unknown>;
}

const root = path.resolve(import.meta.dirname, "../../..");

/** The checked-in supergraph: every field a client can reach, so a new field is attacked unasked. */
export function loadSupergraph(): { schema: GraphQLSchema; sdl: string } {
  const sdl = readFileSync(path.join(root, "schema", "supergraph.graphql"), "utf8");
  return { schema: buildSchema(sdl, { assumeValidSDL: true }), sdl };
}

function owningSubgraph(field: GraphQLField<unknown, unknown>): string {
  const join = field.astNode?.directives?.find((d) => d.name.value === "join__field");
  const graph = join?.arguments?.find((a) => a.name.value === "graph")?.value;
  return graph && graph.kind === "EnumValue" ? graph.value.toLowerCase() : "unknown";
}

export function rootFields(schema: GraphQLSchema): RootField[] {
  const kinds: [RootKind, ReturnType<GraphQLSchema["getQueryType"]>][] = [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
    ["subscription", schema.getSubscriptionType()],
  ];
  return kinds.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {})
      .filter((f) => !f.name.startsWith("_"))
      .map((field) => ({
        kind,
        name: field.name,
        description: field.description ?? "",
        subgraph: owningSubgraph(field),
        field,
      })),
  );
}

/**
 * A field that ends the caller's own session ("Ends the current session."): run with the suite's
 * shared tokens it would sign the attacker out, and every later case would be refused as
 * UNAUTHENTICATED whatever the field's checks are. The stale-session class covers it instead.
 */
export function endsCallersSession(field: RootField): boolean {
  return /^Ends the current session/.test(field.description);
}

/** Chooses an ID for an argument or input field, from its name and the root field's name. */
export type IdPicker = (name: string, rootField: string) => string;

function valueFor(type: GraphQLInputType, name: string, rootField: string, pickId: IdPicker, depth: number): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, rootField, pickId, depth);
  if (isListType(type)) return [valueFor(type.ofType, name, rootField, pickId, depth)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    if (depth > 3) return out;
    for (const f of Object.values(type.getFields())) {
      // Required fields and every reference, so another tenant's ids reach the resolver, and `text`
      // (inline content), so a document can be created and its workspace reference judged.
      if (isNonNullType(f.type) || /Ids?$/.test(f.name) || f.name === "text") {
        out[f.name] = valueFor(f.type, f.name, rootField, pickId, depth + 1);
      }
    }
    return out;
  }
  const scalar = isScalarType(type) ? type.name : "String";
  if (scalar === "ID") return pickId(name, rootField);
  if (scalar === "Int") return name === "afterSequence" ? 0 : /first|limit/i.test(name) ? 5 : 1;
  if (scalar === "Float") return 1;
  if (scalar === "Boolean") return false;
  if (scalar === "DateTime") return new Date().toISOString();
  if (scalar === "JSON") return {};
  if (scalar === "EmailAddress" || /email/i.test(name)) return "attack@example.com";
  if (scalar === "URL" || /ur[il]$/i.test(name)) return "https://example.com/attack.md";
  if (/mimeType/i.test(name)) return "text/plain";
  return /slug/i.test(name) ? "attack-slug" : "attack value";
}

/** Scalar fields to depth 3 (no field needing arguments), so another tenant's names and ids would show. */
function selectionOf(type: GraphQLOutputType, depth: number, budget: { left: number }): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return "";
  if (!isObjectType(named) || depth > 3) return "{ __typename }";
  const parts = ["__typename"];
  for (const f of Object.values(named.getFields())) {
    if (budget.left <= 0) break;
    if (f.args.some((a) => isNonNullType(a.type))) continue;
    const inner = getNamedType(f.type);
    if (isLeafType(inner)) {
      parts.push(f.name);
      budget.left--;
    } else if (depth < 3) {
      parts.push(`${f.name} ${selectionOf(f.type, depth + 1, budget)}`);
    }
  }
  return `{ ${parts.join(" ")} }`;
}

export interface BuiltOperation {
  document: string;
  variables: Record<string, unknown>;
}

/** An operation calling the field with every required argument (and every ID argument) filled in. */
export function buildOperation(target: RootField, pickId: IdPicker): BuiltOperation {
  // Required arguments, every ID, and afterSequence (so a stream replays what it stored).
  const args = target.field.args.filter(
    (a: GraphQLArgument) => isNonNullType(a.type) || getNamedType(a.type).name === "ID" || a.name === "afterSequence",
  );
  const variables: Record<string, unknown> = {};
  for (const a of args) variables[a.name] = valueFor(a.type, a.name, target.name, pickId, 0);
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const selection = selectionOf(target.field.type, 1, { left: 40 });
  const name = `Attack_${target.name}`;
  const document = `${target.kind} ${name}${declared ? `(${declared})` : ""} { ${target.name}${passed ? `(${passed})` : ""} ${selection} }`;
  return { document, variables };
}
