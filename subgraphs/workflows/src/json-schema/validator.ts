import { BadUserInputError } from "@atelier/subgraph-kit";
import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
const compiled = new Map<string, ValidateFunction>();
const MAX_CACHED = 500;

export interface SchemaViolation {
  /** JSON pointer of the failing value ("" is the whole document). */
  pointer: string;
  message: string;
}

function compile(schema: unknown): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema as object);
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, validate);
  }
  return validate;
}

function pointerOf(error: ErrorObject): string {
  if (error.keyword === "required") {
    return `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`;
  }
  if (error.keyword === "additionalProperties") {
    return `${error.instancePath}/${(error.params as { additionalProperty: string }).additionalProperty}`;
  }
  return error.instancePath;
}

/** Refuses anything that is not a JSON Schema this validator can compile. */
export function assertJsonSchema(schema: unknown, field: string): void {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    throw new BadUserInputError(`${field}: a JSON Schema must be an object`);
  }
  try {
    compile(schema);
  } catch (error) {
    throw new BadUserInputError(`${field}: not a valid JSON Schema: ${(error as Error).message}`);
  }
}

/** Every violation of `schema` by `value`, each with the JSON pointer of the failing value. */
export function schemaViolations(schema: unknown, value: unknown): SchemaViolation[] {
  const validate = compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => ({ pointer: pointerOf(error), message: error.message ?? "invalid" }));
}

/** Throws BAD_USER_INPUT naming each failing JSON pointer. */
export function assertMatchesSchema(schema: unknown, value: unknown, field: string): void {
  const violations = schemaViolations(schema, value);
  if (violations.length === 0) return;
  const list = violations.map((v) => `${v.pointer || "/"} ${v.message}`).join("; ");
  throw new BadUserInputError(`${field} does not match the schema: ${list}`, { violations });
}
