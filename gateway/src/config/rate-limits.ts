import { nonNegativeInt, z } from "@atelier/config";

const perSecond = (fallback: number) => z.coerce.number().positive().default(fallback);

/** Token buckets per API client, per user and per anonymous address; a capacity of 0 turns one off. */
export const rateLimitsEnvShape = {
  RATE_LIMIT_API_CLIENT_CAPACITY: nonNegativeInt(100),
  RATE_LIMIT_API_CLIENT_PER_SECOND: perSecond(20),
  RATE_LIMIT_USER_CAPACITY: nonNegativeInt(200),
  RATE_LIMIT_USER_PER_SECOND: perSecond(50),
  RATE_LIMIT_ANONYMOUS_CAPACITY: nonNegativeInt(0),
  RATE_LIMIT_ANONYMOUS_PER_SECOND: perSecond(10),
};

type RateLimitsEnv = z.infer<z.ZodObject<typeof rateLimitsEnvShape>>;

export function rateLimitsConfigFrom(parsed: RateLimitsEnv) {
  return {
    apiClient: { capacity: parsed.RATE_LIMIT_API_CLIENT_CAPACITY, perSecond: parsed.RATE_LIMIT_API_CLIENT_PER_SECOND },
    user: { capacity: parsed.RATE_LIMIT_USER_CAPACITY, perSecond: parsed.RATE_LIMIT_USER_PER_SECOND },
    anonymous: { capacity: parsed.RATE_LIMIT_ANONYMOUS_CAPACITY, perSecond: parsed.RATE_LIMIT_ANONYMOUS_PER_SECOND },
  };
}

export type RateLimitConfig = ReturnType<typeof rateLimitsConfigFrom>;
