import { BadUserInputError } from "@atelier/subgraph-kit";
import type { CardFieldDefinition } from "../generated/prisma/client";
import { FIELD_CONFIGS } from "../inputs/field-config";

type Fields = Record<string, unknown>;

function decimals(n: number): number {
  const [, fraction = ""] = String(n).split(".");
  return fraction.length;
}

/** Why `value` does not fit `definition`, or null when it does. */
function problemWith(definition: CardFieldDefinition, value: unknown): string | null {
  switch (definition.type) {
    case "TEXT": {
      const c = FIELD_CONFIGS.TEXT.parse(definition.config);
      if (typeof value !== "string") return "must be text";
      return value.length > c.maxLength ? `must be at most ${c.maxLength} characters` : null;
    }
    case "NUMBER": {
      const c = FIELD_CONFIGS.NUMBER.parse(definition.config);
      if (typeof value !== "number" || !Number.isFinite(value)) return "must be a number";
      if (c.min !== undefined && value < c.min) return `must be at least ${c.min}`;
      if (c.max !== undefined && value > c.max) return `must be at most ${c.max}`;
      return decimals(value) > c.decimalPlaces ? `must have at most ${c.decimalPlaces} decimal places` : null;
    }
    case "DATE": {
      const c = FIELD_CONFIGS.DATE.parse(definition.config);
      const pattern = c.includeTime
        ? /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/
        : /^\d{4}-\d{2}-\d{2}$/;
      if (typeof value !== "string" || !pattern.test(value) || Number.isNaN(Date.parse(value))) {
        return c.includeTime ? "must be an ISO 8601 date-time" : "must be an ISO date (YYYY-MM-DD)";
      }
      if (c.minDate && value.slice(0, 10) < c.minDate) return `must not be before ${c.minDate}`;
      return c.maxDate && value.slice(0, 10) > c.maxDate ? `must not be after ${c.maxDate}` : null;
    }
    case "DROPDOWN": {
      const c = FIELD_CONFIGS.DROPDOWN.parse(definition.config);
      const values = c.allowMultiple && Array.isArray(value) ? value : [value];
      if (!c.allowMultiple && Array.isArray(value)) return "takes one option";
      const bad = values.find((v) => typeof v !== "string" || !c.options.includes(v));
      return bad !== undefined ? `must be one of ${c.options.join(", ")}` : null;
    }
    case "CHECKBOX":
      return typeof value === "boolean" ? null : "must be true or false";
  }
}

/**
 * Merges `changes` into `current` and checks the result against the workspace's definitions:
 * unknown names, wrong types, config limits and missing required fields are all listed.
 */
export function checkCardFields(definitions: CardFieldDefinition[], current: Fields, changes: Fields): Fields {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const merged: Fields = { ...current };
  const problems: string[] = [];
  for (const [name, value] of Object.entries(changes)) {
    const definition = byName.get(name);
    if (!definition) {
      problems.push(`fields.${name}: no such field in this workspace`);
      continue;
    }
    if (value === null) {
      delete merged[name];
      continue;
    }
    const problem = problemWith(definition, value);
    if (problem) problems.push(`fields.${name}: ${problem}`);
    else merged[name] = value;
  }
  for (const definition of definitions) {
    if (definition.required && merged[definition.name] === undefined) {
      problems.push(`fields.${definition.name}: required`);
    }
  }
  if (problems.length > 0) throw new BadUserInputError(`Invalid card fields: ${problems.join("; ")}`, { problems });
  return merged;
}
