import { envFlag, nonNegativeInt, positiveInt, type z } from "@atelier/config";

/** Operations sent by id: automatic persisted queries, the trusted-document registry, GET caching. */
export const persistedOperationsEnvShape = {
  REQUIRE_PERSISTED_OPERATIONS: envFlag(false),
  APQ_CACHE_SIZE: positiveInt(10_000),
  APQ_TTL_SECONDS: positiveInt(86_400),
  PERSISTED_OPERATION_CACHE_SECONDS: positiveInt(15),
  PERSISTED_GET_MAX_AGE_SECONDS: nonNegativeInt(10),
};

type PersistedOperationsEnv = z.infer<z.ZodObject<typeof persistedOperationsEnvShape>>;

export function persistedOperationsConfigFrom(parsed: PersistedOperationsEnv) {
  return {
    requireIds: parsed.REQUIRE_PERSISTED_OPERATIONS,
    apqCacheSize: parsed.APQ_CACHE_SIZE,
    apqTtlSeconds: parsed.APQ_TTL_SECONDS,
    registryCacheSeconds: parsed.PERSISTED_OPERATION_CACHE_SECONDS,
    getMaxAgeSeconds: parsed.PERSISTED_GET_MAX_AGE_SECONDS,
  };
}

export type PersistedOperationsConfig = ReturnType<typeof persistedOperationsConfigFrom>;
