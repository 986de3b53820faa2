import type { Redis } from "ioredis";
import type { TokenBuckets } from "./token-bucket";

// Refill and take in one atomic step on Redis's clock, so replicas with skewed clocks share one bucket.
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local per_second = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * per_second / 1000)
local allowed = 0
local retry_ms = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  retry_ms = math.ceil((cost - tokens) * 1000 / per_second)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / per_second) + 1000)
return { allowed, retry_ms }
`;

const KEY_PREFIX = "atelier:ratelimit:";

/** Token buckets in Redis: the limit holds across every gateway replica. */
export function createRedisTokenBuckets(redis: Redis): TokenBuckets {
  redis.defineCommand("atelierTakeTokens", { numberOfKeys: 1, lua: TAKE_SCRIPT });
  const take = (redis as unknown as Record<string, (...args: unknown[]) => Promise<[number, number]>>)
    .atelierTakeTokens!;
  return {
    async take(key, policy, cost) {
      const [allowed, retryAfterMs] = await take.call(redis, KEY_PREFIX + key, policy.capacity, policy.perSecond, cost);
      return { allowed: allowed === 1, retryAfterMs };
    },
    async close() {},
  };
}
