import type { EventBus } from "@atelier/event-bus";
import type { InternalTokenSigner } from "@atelier/internal-auth";
import type { Logger } from "@atelier/logging";
import { createIdentityInternalClient } from "../auth/identity-internal-client";
import type { PersistedOperationsConfig, RateLimitConfig } from "../config";
import type { ResolveDeps } from "../persisted/resolve-operation";
import type { RateLimiter } from "../rate-limit/rate-limiter";
import { createUsageRecorder, type UsageRecorder } from "../usage/usage-recorder";
import { createGatewayEventBus } from "./gateway-event-bus";
import { createPersistedOperations } from "./persisted-operations";
import { createRateLimiting } from "./rate-limiting";
import { createSharedRedis } from "./shared-redis";

export interface PartnerAccess {
  bus: EventBus;
  persisted: ResolveDeps;
  rateLimiter: RateLimiter;
  usage: UsageRecorder;
  close(): Promise<void>;
}

/** The slice of the gateway's config partner access is built from. */
export interface PartnerAccessConfig {
  identityInternalUrl: string;
  /** The event bus: Postgres NOTIFY here, unless `redisUrl` is set. */
  databaseUrl: string;
  redisUrl: string | undefined;
  persistedOperations: PersistedOperationsConfig;
  rateLimits: RateLimitConfig;
  usageFlushMs: number;
}

/**
 * Persisted operations, rate limits and usage. In memory for one replica; with REDIS_URL the APQ
 * cache and the token buckets move to Redis so every replica shares them.
 */
export function createPartnerAccess(
  config: PartnerAccessConfig,
  signer: InternalTokenSigner,
  logger: Logger,
): PartnerAccess {
  const identity = createIdentityInternalClient({ baseUrl: config.identityInternalUrl, signer });
  const bus = createGatewayEventBus(config, logger);
  const redis = createSharedRedis(config.redisUrl, logger);
  const persisted = createPersistedOperations(config.persistedOperations, { redis, identity, bus, logger });
  const rateLimiting = createRateLimiting(config.rateLimits, redis, logger);
  const usage = createUsageRecorder({ identity, flushMs: config.usageFlushMs, logger });
  return {
    bus,
    persisted,
    rateLimiter: rateLimiting.rateLimiter,
    usage,
    async close() {
      await usage.stop();
      await rateLimiting.close();
      // A bus that never connected (no database) rejects on close too; nothing is left to release.
      await bus.close().catch(() => {});
      redis?.disconnect();
    },
  };
}
