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
