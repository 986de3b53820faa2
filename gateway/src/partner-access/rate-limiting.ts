import type { Logger } from "@atelier/logging";
import type { Redis } from "ioredis";
import type { RateLimitConfig } from "../config";
import { createRateLimiter, type RateLimiter } from "../rate-limit/rate-limiter";
import { createRedisTokenBuckets } from "../rate-limit/redis-token-buckets";
import { createMemoryTokenBuckets } from "../rate-limit/token-bucket";

/** The rate limiter over token buckets in Redis when there is one (one limit across replicas), else in memory. */
export function createRateLimiting(
  config: RateLimitConfig,
  redis: Redis | undefined,
  logger: Logger,
): { rateLimiter: RateLimiter; close(): Promise<void> } {
  const buckets = redis ? createRedisTokenBuckets(redis) : createMemoryTokenBuckets();
  const rateLimiter = createRateLimiter(config, buckets, (error) =>
    logger.warn({ err: error }, "rate limiter unavailable; admitting the request"),
  );
  return { rateLimiter, close: () => buckets.close() };
}
