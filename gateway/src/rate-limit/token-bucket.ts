/** Whether a take succeeded and, if not, how long until enough tokens have refilled. */
export interface TakeResult {
  allowed: boolean;
  retryAfterMs: number;
}

export interface BucketPolicy {
  capacity: number;
  perSecond: number;
}

export interface TokenBuckets {
  take(key: string, policy: BucketPolicy, cost: number): Promise<TakeResult>;
  close(): Promise<void>;
}

/** One process's buckets; enough for a single replica. Idle full buckets are dropped by the sweep. */
export function createMemoryTokenBuckets(maxKeys = 100_000): TokenBuckets {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key, policy, cost) {
      const now = performance.now();
      const bucket = buckets.get(key) ?? { tokens: policy.capacity, at: now };
      bucket.tokens = Math.min(policy.capacity, bucket.tokens + ((now - bucket.at) * policy.perSecond) / 1000);
      bucket.at = now;
      if (!buckets.has(key)) {
        if (buckets.size >= maxKeys) sweep(buckets, policy, now, maxKeys);
        buckets.set(key, bucket);
      }
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return { allowed: true, retryAfterMs: 0 };
      }
      return { allowed: false, retryAfterMs: Math.ceil(((cost - bucket.tokens) * 1000) / policy.perSecond) };
    },
    async close() {
      buckets.clear();
    },
  };
}

function sweep(
  buckets: Map<string, { tokens: number; at: number }>,
  policy: BucketPolicy,
  now: number,
  maxKeys: number,
): void {
  const fullAfterMs = (policy.capacity * 1000) / policy.perSecond;
  for (const [key, bucket] of buckets) if (now - bucket.at > fullAfterMs) buckets.delete(key);
  if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string);
}
