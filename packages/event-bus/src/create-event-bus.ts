import type { EventBus } from "./event-bus";
import { createPostgresEventBus } from "./postgres-event-bus";
import { createRedisEventBus } from "./redis-event-bus";

/** Redis when a URL is configured (many replicas), else Postgres LISTEN/NOTIFY. */
export function createEventBus(
  opts: { databaseUrl: string; redisUrl?: string | null },
  onError?: (error: Error) => void,
): EventBus {
  return opts.redisUrl
    ? createRedisEventBus(opts.redisUrl, onError)
    : createPostgresEventBus(opts.databaseUrl, onError);
}
