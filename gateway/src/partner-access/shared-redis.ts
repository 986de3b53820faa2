import type { Logger } from "@atelier/logging";
import { Redis } from "ioredis";

/** With REDIS_URL, one connection for the state every replica shares (APQ cache, token buckets); else none. */
export function createSharedRedis(redisUrl: string | undefined, logger: Logger): Redis | undefined {
  if (!redisUrl) return undefined;
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
  return redis;
}
