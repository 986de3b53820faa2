import { createEventBus, type EventBus } from "@atelier/event-bus";
import type { InternalTokenSigner } from "@atelier/internal-auth";
import type { Logger } from "@atelier/logging";
import { Redis } from "ioredis";
import { createIdentityInternalClient } from "./auth/identity-internal-client";
import type { GatewayConfig } from "./config";
import { createRedisApqStore } from "./persisted/apq-redis-store";
import { createMemoryApqStore } from "./persisted/apq-store";
import { createOperationRegistry } from "./persisted/operation-registry";
import type { ResolveDeps } from "./persisted/resolve-operation";
import { createRateLimiter, type RateLimiter } from "./rate-limit/rate-limiter";
import { createRedisTokenBuckets } from "./rate-limit/redis-token-buckets";
import { createMemoryTokenBuckets } from "./rate-limit/token-bucket";
import { createUsageRecorder, type UsageRecorder } from "./usage/usage-recorder";

export interface PartnerAccess {
  bus: EventBus;
  persisted: ResolveDeps;
  rateLimiter: RateLimiter;
  usage: UsageRecorder;
  close(): Promise<void>;
}

/**
 * Persisted operations, rate limits and usage. In memory for one replica; with REDIS_URL the APQ
 * cache and the token buckets move to Redis so every replica shares them.
 */
export function createPartnerAccess(config: GatewayConfig, signer: InternalTokenSigner, logger: Logger): PartnerAccess {
  const identity = createIdentityInternalClient({ baseUrl: config.identityInternalUrl, signer });
  const bus = createEventBus({ databaseUrl: config.subscriptions.databaseUrl, redisUrl: config.redisUrl }, (error) =>
    logger.error({ err: error }, "event bus connection error"),
  );
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true })
    : undefined;
  redis?.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
  const { apqCacheSize, apqTtlSeconds } = config.persistedOperations;
  const apq = redis
    ? createRedisApqStore(redis, apqCacheSize, apqTtlSeconds)
    : createMemoryApqStore(apqCacheSize, apqTtlSeconds);
  const registry = createOperationRegistry({
    identity,
    bus,
    cacheSeconds: config.persistedOperations.registryCacheSeconds,
    logger,
  });
  const buckets = redis ? createRedisTokenBuckets(redis) : createMemoryTokenBuckets();
  const rateLimiter = createRateLimiter(config.rateLimits, buckets, (error) =>
    logger.warn({ err: error }, "rate limiter unavailable; admitting the request"),
  );
  const usage = createUsageRecorder({ identity, flushMs: config.usageFlushMs, logger });
  return {
    bus,
    persisted: { apq, registry, requireIds: config.persistedOperations.requireIds },
    rateLimiter,
    usage,
    async close() {
      await usage.stop();
      await buckets.close();
      // A bus that never connected (no database) rejects on close too; nothing is left to release.
      await bus.close().catch(() => {});
      redis?.disconnect();
    },
  };
}
