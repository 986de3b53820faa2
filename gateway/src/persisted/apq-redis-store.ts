import type { Redis } from "ioredis";
import { TtlCache } from "../auth/ttl-cache";
import type { ApqStore } from "./apq-store";

const KEY_PREFIX = "atelier:apq:";
const LOCAL_TTL_MS = 300_000;

/**
 * APQ in Redis so a hash registered through one replica is known to all; a small local cache in
 * front keeps hot documents off the network (a document never changes under its hash).
 */
export function createRedisApqStore(redis: Redis, maxLocalEntries: number, ttlSeconds: number): ApqStore {
  const local = new TtlCache<string>(maxLocalEntries);
  return {
    async get(hash) {
      const cached = local.get(hash);
      if (cached !== undefined) return cached;
      const stored = await redis.get(KEY_PREFIX + hash);
      if (stored === null) return undefined;
      local.set(hash, stored, LOCAL_TTL_MS);
      return stored;
    },
    async set(hash, document) {
      local.set(hash, document, LOCAL_TTL_MS);
      await redis.set(KEY_PREFIX + hash, document, "EX", ttlSeconds);
    },
  };
}
