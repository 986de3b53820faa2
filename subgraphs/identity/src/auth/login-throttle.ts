/**
 * Counts failed sign-ins per key (the e-mail address) in a sliding window, in process memory:
 * enough to stop password guessing against one account on one replica. With many replicas,
 * each keeps its own count, so the effective limit scales with the replica count.
 */
export interface LoginThrottle {
  /** Seconds until the key may try again, or 0. */
  retryAfter(key: string): number;
  recordFailure(key: string): void;
  reset(key: string): void;
}

export function createLoginThrottle(opts: { maxFailures: number; windowMs: number }): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < opts.windowMs);
  return {
    retryAfter(key) {
      const now = Date.now();
      const times = recent(key, now);
      if (times.length < opts.maxFailures) return 0;
      return Math.ceil((times[0]! + opts.windowMs - now) / 1000);
    },
    recordFailure(key) {
      const now = Date.now();
      if (failures.size > 100_000) failures.clear();
      failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
