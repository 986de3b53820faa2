import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { LoginThrottle, ThrottlePolicy } from "./login-throttle";

const KEY_PREFIX = "atelier:login-failures:";

// Trim and count in one step on Redis's clock, so replicas with skewed clocks agree.
const RETRY_AFTER_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then return 0 end
local oldest = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
return math.ceil((tonumber(oldest[2]) + window - now) / 1000)
`;
const RECORD_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
return 1
`;

/** The failure counts in Redis sorted sets (one member per failure), shared by every identity replica. */
export function createRedisLoginThrottle(redisUrl: string, opts: ThrottlePolicy): LoginThrottle {
  const redis = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  return {
    async retryAfter(key, limit) {
      return Number(await redis.eval(RETRY_AFTER_SCRIPT, 1, KEY_PREFIX + key, opts.windowMs, limit));
    },
    async recordFailure(key) {
      await redis.eval(RECORD_SCRIPT, 1, KEY_PREFIX + key, opts.windowMs, randomUUID());
    },
    async reset(key) {
      await redis.del(KEY_PREFIX + key);
    },
    async close() {
      redis.disconnect();
    },
  };
}
