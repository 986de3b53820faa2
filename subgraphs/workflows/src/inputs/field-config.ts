import { z } from "@atelier/config";
import { BadUserInputError } from "@atelier/subgraph-kit";
import type { FieldType } from "../generated/prisma/client";

/** The config each field type accepts, with defaults. */
export const FIELD_CONFIGS = {
  TEXT: z.object({
    maxLength: z.number().int().min(1).max(10_000).default(1000),
    placeholder: z.string().max(200).optional(),
  }),
  NUMBER: z
    .object({
      min: z.number().optional(),
      max: z.number().optional(),
      decimalPlaces: z.number().int().min(0).max(10).default(0),
    })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, "min must not exceed max"),
  DATE: z.object({
    minDate: z.iso.date().optional(),
    maxDate: z.iso.date().optional(),
    includeTime: z.boolean().default(false),
  }),
  DROPDOWN: z.object({
    options: z.array(z.string().min(1).max(100)).min(1).max(200),
    allowMultiple: z.boolean().default(false),
  }),
  CHECKBOX: z.object({ defaultValue: z.boolean().default(false), label: z.string().max(200).optional() }),
} satisfies Record<FieldType, z.ZodType>;

export function parseFieldConfig(type: FieldType, config: unknown) {
  const parsed = FIELD_CONFIGS[type].safeParse(config ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `config.${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new BadUserInputError(`Invalid ${type} field config: ${issues.join("; ")}`);
  }
  return parsed.data;
}
