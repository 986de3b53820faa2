import { z } from "zod";

/** Boolean environment flag: "true"/"1"/"yes" are true, "false"/"0"/"no"/"" are false. */
export const envFlag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["true", "1", "yes"].includes(v)));

/** A comma-separated list. */
export const envList = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

/** A whole number above 0. */
export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A whole number from 0 (where a limit takes one, 0 usually turns it off). */
export const nonNegativeInt = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/**
 * A variable holding JSON of `schema`; unset or empty gives `empty`. `expected` shows the shape in
 * the error an operator reads.
 */
export function jsonEnv<S extends z.ZodType>(schema: S, expected: string, empty: z.infer<S>) {
  return z
    .string()
    .optional()
    .transform((value, ctx): z.infer<S> => {
      if (!value) return empty;
      try {
        const parsed = schema.safeParse(JSON.parse(value));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: "custom", message: `expected ${expected}: ${parsed.error.message}` });
      } catch {
        ctx.addIssue({ code: "custom", message: "not valid JSON" });
      }
      return z.NEVER;
    });
}
