import { readPath, readPointer } from "./json-pointer";

/**
 * A declarative mapping, evaluated against a run's context ({ input, steps, run }); never
 * code. Objects and arrays map member by member; other values are constants; objects with a
 * single special key pick or build values:
 *   { "$pointer": "/input/name" }        the value at a JSON pointer
 *   { "$path": "steps.fetch.body.id" }   the value at a dotted path
 *   { "$template": "Hi {{/input/name}}" } a string with pointers (or paths) interpolated
 *   { "$const": anything }               the value as is, unevaluated
 * A pick may add "$default" for when the value is absent.
 */
export type Mapping = unknown;

const TEMPLATE_SLOT = /\{\{\s*([^}]+?)\s*\}\}/g;
const MAX_DEPTH = 32;

function pick(context: unknown, ref: string): unknown {
  return ref.startsWith("/") || ref === "" ? readPointer(context, ref) : readPath(context, ref);
}

function render(template: string, context: unknown): string {
  return template.replace(TEMPLATE_SLOT, (_, ref: string) => {
    const value = pick(context, ref);
    if (value === undefined || value === null) return "";
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  });
}

export function evaluateMapping(mapping: Mapping, context: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error("mapping nests too deeply");
  if (Array.isArray(mapping)) return mapping.map((item) => evaluateMapping(item, context, depth + 1));
  if (mapping === null || typeof mapping !== "object") return mapping;
  const obj = mapping as Record<string, unknown>;
  if ("$const" in obj) return obj.$const;
  if (typeof obj.$pointer === "string") return pick(context, obj.$pointer) ?? obj.$default ?? null;
  if (typeof obj.$path === "string") return readPath(context, obj.$path) ?? obj.$default ?? null;
  if (typeof obj.$template === "string") return render(obj.$template, context);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) out[key] = evaluateMapping(value, context, depth + 1);
  return out;
}

/** Renders `{{pointer}}` slots of a plain string (URLs, header values). */
export function renderTemplate(template: string, context: unknown): string {
  return render(template, context);
}
