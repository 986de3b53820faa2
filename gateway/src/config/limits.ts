import { positiveInt, type z } from "@atelier/config";

/** What one request may ask: its size, its batch, and each operation's depth, aliases, tokens and cost. */
export const limitsEnvShape = {
  MAX_DEPTH: positiveInt(12),
  MAX_ALIASES: positiveInt(30),
  MAX_TOKENS: positiveInt(2000),
  /** Admits a dashboard of ~2,000 assets with their versions (cost 53,251), not one of 20,000. */
  MAX_COST: positiveInt(100_000),
  MAX_BATCH: positiveInt(10),
  MAX_BODY_BYTES: positiveInt(1_048_576),
};

type LimitsEnv = z.infer<z.ZodObject<typeof limitsEnvShape>>;

export function limitsConfigFrom(parsed: LimitsEnv) {
  return {
    maxDepth: parsed.MAX_DEPTH,
    maxAliases: parsed.MAX_ALIASES,
    maxTokens: parsed.MAX_TOKENS,
    maxCost: parsed.MAX_COST,
    maxBatch: parsed.MAX_BATCH,
    maxBodyBytes: parsed.MAX_BODY_BYTES,
  };
}

export type RequestLimits = ReturnType<typeof limitsConfigFrom>;
