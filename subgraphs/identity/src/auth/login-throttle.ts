import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";

/**
 * Counts failed sign-ins per key (an account's e-mail, a client address) in a window that starts
 * at the key's first failure. In memory it holds per replica; with REDIS_URL every replica shares
 * one count. Each key expires on its own (rate-limiter-flexible): flooding keys never resets
 * anyone else's count.
 */
export interface LoginThrottle {
  /** Seconds until the key may try again, or 0. */
  retryAfter(key: string, limit: number): Promise<number>;
  recordFailure(key: string): Promise<void>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface ThrottlePolicy {
  windowMs: number;
}

const KEY_PREFIX = "atelier:login-failures";
// Failures are recorded as penalties and compared with each caller's own limit, so the limiter's
// point budget never refuses anything itself.
const UNCOUNTED = Number.MAX_SAFE_INTEGER;

function throttleOn(limiter: RateLimiterAbstract, close: () => void): LoginThrottle {
  return {
    async retryAfter(key, limit) {
      const state = await limiter.get(key);
      if (!state || state.consumedPoints < limit) return 0;
      return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    },
    async recordFailure(key) {
      await limiter.penalty(key, 1);
    },
    async reset(key) {
      await limiter.delete(key);
    },
    async close() {
      close();
    },
  };
}

export function createMemoryLoginThrottle(opts: ThrottlePolicy): LoginThrottle {
  const duration = Math.ceil(opts.windowMs / 1000);
  return throttleOn(new RateLimiterMemory({ keyPrefix: KEY_PREFIX, points: UNCOUNTED, duration }), () => {});
}

/** The counts in Redis, shared by every identity replica (atomic per key, on Redis's clock). */
export function createRedisLoginThrottle(redisUrl: string, opts: ThrottlePolicy): LoginThrottle {
  const redis = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const duration = Math.ceil(opts.windowMs / 1000);
  const limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: KEY_PREFIX, points: UNCOUNTED, duration });
  return throttleOn(limiter, () => redis.disconnect());
}
