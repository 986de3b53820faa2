/**
 * Counts failed sign-ins per key (an account's e-mail, a client address) in a sliding window.
 * In memory it holds per replica; with REDIS_URL every replica shares one count.
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

export function createMemoryLoginThrottle(opts: ThrottlePolicy): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < opts.windowMs);
  return {
    async retryAfter(key, limit) {
      const now = Date.now();
      const times = recent(key, now);
      if (times.length < limit) return 0;
      return Math.ceil((times[times.length - limit]! + opts.windowMs - now) / 1000);
    },
    async recordFailure(key) {
      const now = Date.now();
      if (failures.size > 100_000) failures.clear();
      failures.set(key, [...recent(key, now), now]);
    },
    async reset(key) {
      failures.delete(key);
    },
    async close() {},
  };
}
