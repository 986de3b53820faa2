import { loadConfig, positiveInt, processConfigFrom, processEnvShape, z } from "@atelier/config";
import { authConfigFrom, authEnvShape } from "./auth";
import { federationConfigFrom, federationEnvShape } from "./federation";
import { limitsConfigFrom, limitsEnvShape } from "./limits";
import { persistedOperationsConfigFrom, persistedOperationsEnvShape } from "./persisted-operations";
import { rateLimitsConfigFrom, rateLimitsEnvShape } from "./rate-limits";
import { subscriptionsConfigFrom, subscriptionsEnvShape } from "./subscriptions";

export type { OidcIssuer } from "@atelier/config";
export { applyApolloTelemetrySetting, subgraphEnvName } from "./federation";
export type { RequestLimits } from "./limits";
export type { PersistedOperationsConfig } from "./persisted-operations";
export type { RateLimitConfig } from "./rate-limits";

const gatewayEnvSchema = z.object({
  ...processEnvShape(4000),
  ...federationEnvShape,
  ...authEnvShape,
  /** Load balancers in front of the gateway: X-Forwarded-For entries from that many hops are trusted. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  ...limitsEnvShape,
  ...subscriptionsEnvShape,
  ...persistedOperationsEnvShape,
  ...rateLimitsEnvShape,
  USAGE_FLUSH_MS: positiveInt(5_000),
});

/** The gateway's environment, parsed once and every problem reported together; one slice per concern. */
export function loadGatewayConfig(env: Record<string, string | undefined>) {
  const parsed = loadConfig("gateway", gatewayEnvSchema, env);
  const subscriptions = subscriptionsConfigFrom(parsed);
  return {
    ...processConfigFrom(parsed),
    ...federationConfigFrom(parsed, env, parsed.NODE_ENV === "production"),
    ...authConfigFrom(parsed),
    trustProxyHops: parsed.TRUST_PROXY_HOPS,
    subscriptions,
    redisUrl: subscriptions.redisUrl,
    persistedOperations: persistedOperationsConfigFrom(parsed),
    rateLimits: rateLimitsConfigFrom(parsed),
    usageFlushMs: parsed.USAGE_FLUSH_MS,
    limits: limitsConfigFrom(parsed),
  };
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
