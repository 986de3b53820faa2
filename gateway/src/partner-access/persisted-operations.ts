import type { EventBus } from "@atelier/event-bus";
import type { Logger } from "@atelier/logging";
import type { Redis } from "ioredis";
import type { IdentityInternalClient } from "../auth/identity-internal-client";
import type { PersistedOperationsConfig } from "../config";
import { createRedisApqStore } from "../persisted/apq-redis-store";
import { createMemoryApqStore } from "../persisted/apq-store";
import { createOperationRegistry } from "../persisted/operation-registry";
import type { ResolveDeps } from "../persisted/resolve-operation";

/** The APQ cache (in Redis when there is one, so replicas share it) and identity's trusted-document registry. */
export function createPersistedOperations(
  config: PersistedOperationsConfig,
  deps: { redis: Redis | undefined; identity: IdentityInternalClient; bus: EventBus; logger: Logger },
): ResolveDeps {
  const { apqCacheSize, apqTtlSeconds } = config;
  const apq = deps.redis
    ? createRedisApqStore(deps.redis, apqCacheSize, apqTtlSeconds)
    : createMemoryApqStore(apqCacheSize, apqTtlSeconds);
  const registry = createOperationRegistry({
    identity: deps.identity,
    bus: deps.bus,
    cacheSeconds: config.registryCacheSeconds,
    logger: deps.logger,
  });
  return { apq, registry, requireIds: config.requireIds };
}
