import type { Identity } from "@atelier/internal-auth";
import type { RateLimitConfig } from "../config";
import type { BucketPolicy, TokenBuckets } from "./token-bucket";

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Which bucket a caller draws from: its API client, its user, or (when configured) its address. */
function bucketFor(
  identity: Identity,
  address: string | undefined,
  config: RateLimitConfig,
): { key: string; policy: BucketPolicy } | null {
  switch (identity.kind) {
    case "apiClient":
      return { key: `client:${identity.apiClientId}`, policy: config.apiClient };
    case "user":
      return { key: `user:${identity.userId}`, policy: config.user };
    case "anonymous":
      return address ? { key: `ip:${address}`, policy: config.anonymous } : null;
    default:
      return null;
  }
}

/** Token-bucket limits per API client and per user; a batch costs one token per operation. */
export function createRateLimiter(config: RateLimitConfig, buckets: TokenBuckets, onError: (error: unknown) => void) {
  return {
    async check(identity: Identity, address: string | undefined, operations = 1): Promise<RateDecision> {
      const bucket = bucketFor(identity, address, config);
      if (!bucket || bucket.policy.capacity === 0) return { allowed: true };
      const cost = Math.min(operations, bucket.policy.capacity);
      let result: Awaited<ReturnType<TokenBuckets["take"]>>;
      try {
        result = await buckets.take(bucket.key, bucket.policy, cost);
      } catch (error) {
        // A limiter outage must not become an API outage: admit and report.
        onError(error);
        return { allowed: true };
      }
      if (result.allowed) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(result.retryAfterMs / 1000)) };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
