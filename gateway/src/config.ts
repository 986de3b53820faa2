import { fileURLToPath } from "node:url";
import { envFlag, envList, loadConfig, z } from "@atelier/config";

const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url));
const DEFAULT_SUBSCRIPTIONS_PATH = fileURLToPath(new URL("../../schema/subscriptions.json", import.meta.url));

const DEFAULT_PUBLIC_FIELDS = [
  "Mutation.signUp",
  "Mutation.login",
  "Mutation.completeMfaLogin",
  "Mutation.refreshSession",
  "Mutation.loginWithIdToken",
  "Mutation.verifyEmail",
  "Mutation.requestPasswordReset",
  "Mutation.resetPassword",
  "Query.health",
];

const oidcIssuerSchema = z.object({
  issuer: z.string().min(1),
  jwksUri: z.url(),
  audience: z.union([z.string(), z.array(z.string())]),
});
export type OidcIssuer = z.infer<typeof oidcIssuerSchema>;

const oidcIssuersFromJson = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return [];
    try {
      const parsed = z.array(oidcIssuerSchema).safeParse(JSON.parse(value));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: "custom", message: `expected [{ issuer, jwksUri, audience }]: ${parsed.error.message}` });
    } catch {
      ctx.addIssue({ code: "custom", message: "not valid JSON" });
    }
    return z.NEVER;
  });

/** `{ "<service>": "<Ed25519 public key, PEM or JWK JSON>" }`: the services that may act for others. */
const delegationKeysFromJson = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return {};
    try {
      const parsed = z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.string().min(1)).safeParse(JSON.parse(value));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: "custom", message: `expected { "<service>": "<public key>" }: ${parsed.error.message}` });
    } catch {
      ctx.addIssue({ code: "custom", message: "not valid JSON" });
    }
    return z.NEVER;
  });

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** 0 turns the limit off. */
const nonNegativeInt = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const gatewayEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
  INTERNAL_JWT_PRIVATE_KEY: z.string().min(1, "required: the gateway's Ed25519 private key (PEM or JWK JSON)"),
  INTERNAL_JWT_TTL_SECONDS: positiveInt(60),
  IDENTITY_JWKS_URL: z.url().default("http://localhost:4001/.well-known/jwks.json"),
  IDENTITY_INTERNAL_URL: z.url().default("http://localhost:4001"),
  ACCESS_TOKEN_ISSUER: z.string().default("atelier-identity"),
  ACCESS_TOKEN_AUDIENCE: z.string().default("atelier"),
  ACCESS_TOKEN_ALGORITHMS: z
    .string()
    .default("EdDSA,ES256,RS256")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s && s.toLowerCase() !== "none"),
    ),
  OIDC_ISSUERS: oidcIssuersFromJson,
  DELEGATION_PUBLIC_KEYS: delegationKeysFromJson,
  ALLOW_ANONYMOUS: envFlag(false),
  /** Load balancers in front of the gateway: X-Forwarded-For entries from that many hops are trusted. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  PUBLIC_FIELDS: envList,
  // Unset means "on unless production", so the flag cannot use envFlag's fixed fallback.
  INTROSPECTION: z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : ["true", "1", "yes"].includes(v))),
  APOLLO_TELEMETRY: envFlag(false),
  SUBGRAPH_FETCHER: z.enum(["keep-alive", "apollo-default"]).default("keep-alive"),
  /** Queries answered by the gateway's own executor (gateway/src/federation/fast-path); false: all by Apollo. */
  FAST_PATH: envFlag(true),
  MAX_DEPTH: positiveInt(12),
  MAX_ALIASES: positiveInt(30),
  MAX_TOKENS: positiveInt(2000),
  /** Admits a dashboard of ~2,000 assets with their versions (cost 53,251), not one of 20,000. */
  MAX_COST: positiveInt(100_000),
  MAX_BATCH: positiveInt(10),
  MAX_BODY_BYTES: positiveInt(1_048_576),
  SUBSCRIPTIONS_PATH: z.string().default(DEFAULT_SUBSCRIPTIONS_PATH),
  /** Where the event bus listens: Postgres LISTEN/NOTIFY on DATABASE_URL, or Redis when REDIS_URL is set. */
  DATABASE_URL: z.string().default("postgresql://postgres@127.0.0.1:5432/atelier"),
  REDIS_URL: z.string().optional(),
  SUBSCRIPTION_RESYNC_MS: positiveInt(5_000),
  REQUIRE_PERSISTED_OPERATIONS: envFlag(false),
  APQ_CACHE_SIZE: positiveInt(10_000),
  APQ_TTL_SECONDS: positiveInt(86_400),
  PERSISTED_OPERATION_CACHE_SECONDS: positiveInt(15),
  PERSISTED_GET_MAX_AGE_SECONDS: z.coerce.number().int().min(0).default(10),
  RATE_LIMIT_API_CLIENT_CAPACITY: nonNegativeInt(100),
  RATE_LIMIT_API_CLIENT_PER_SECOND: z.coerce.number().positive().default(20),
  RATE_LIMIT_USER_CAPACITY: nonNegativeInt(200),
  RATE_LIMIT_USER_PER_SECOND: z.coerce.number().positive().default(50),
  RATE_LIMIT_ANONYMOUS_CAPACITY: nonNegativeInt(0),
  RATE_LIMIT_ANONYMOUS_PER_SECOND: z.coerce.number().positive().default(10),
  USAGE_FLUSH_MS: positiveInt(5_000),
  /** On SIGTERM, how long requests in flight may take to finish before they are cut. */
  DRAIN_TIMEOUT_MS: positiveInt(10_000),
  /** OTLP/HTTP collector for traces (e.g. http://otel-collector:4318); unset: no export. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
});

const SUBGRAPH_URL_PREFIX = "SUBGRAPH_URL_";

/** SUBGRAPH_URL_<NAME> overrides, keyed by the normalised subgraph name (upper case, `-` → `_`). */
function subgraphUrlOverrides(env: Record<string, string | undefined>): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith(SUBGRAPH_URL_PREFIX) && value) overrides[key.slice(SUBGRAPH_URL_PREFIX.length)] = value;
  }
  return overrides;
}

export function subgraphEnvName(subgraphName: string): string {
  return subgraphName.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

export function loadGatewayConfig(env: Record<string, string | undefined>) {
  const parsed = loadConfig("gateway", gatewayEnvSchema, env);
  const production = parsed.NODE_ENV === "production";
  return {
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    port: parsed.PORT,
    host: parsed.HOST,
    supergraphPath: parsed.SUPERGRAPH_PATH,
    subgraphUrls: subgraphUrlOverrides(env),
    /** "apollo-default" exists to measure the keep-alive fetcher against Apollo's own. */
    subgraphFetcher: parsed.SUBGRAPH_FETCHER,
    fastPath: parsed.FAST_PATH,
    internalJwtPrivateKey: parsed.INTERNAL_JWT_PRIVATE_KEY,
    internalJwtTtlSeconds: parsed.INTERNAL_JWT_TTL_SECONDS,
    identityJwksUrl: parsed.IDENTITY_JWKS_URL,
    identityInternalUrl: parsed.IDENTITY_INTERNAL_URL.replace(/\/$/, ""),
    accessToken: {
      issuer: parsed.ACCESS_TOKEN_ISSUER,
      audience: parsed.ACCESS_TOKEN_AUDIENCE,
      algorithms: parsed.ACCESS_TOKEN_ALGORITHMS,
    },
    oidcIssuers: parsed.OIDC_ISSUERS,
    delegationPublicKeys: parsed.DELEGATION_PUBLIC_KEYS,
    allowAnonymous: parsed.ALLOW_ANONYMOUS,
    trustProxyHops: parsed.TRUST_PROXY_HOPS,
    apolloTelemetry: parsed.APOLLO_TELEMETRY,
    publicFields: parsed.PUBLIC_FIELDS.length > 0 ? parsed.PUBLIC_FIELDS : DEFAULT_PUBLIC_FIELDS,
    introspection: parsed.INTROSPECTION ?? !production,
    subscriptions: {
      registryPath: parsed.SUBSCRIPTIONS_PATH,
      databaseUrl: parsed.DATABASE_URL,
      redisUrl: parsed.REDIS_URL,
      resyncMs: parsed.SUBSCRIPTION_RESYNC_MS,
    },
    redisUrl: parsed.REDIS_URL,
    persistedOperations: {
      requireIds: parsed.REQUIRE_PERSISTED_OPERATIONS,
      apqCacheSize: parsed.APQ_CACHE_SIZE,
      apqTtlSeconds: parsed.APQ_TTL_SECONDS,
      registryCacheSeconds: parsed.PERSISTED_OPERATION_CACHE_SECONDS,
      getMaxAgeSeconds: parsed.PERSISTED_GET_MAX_AGE_SECONDS,
    },
    rateLimits: {
      apiClient: {
        capacity: parsed.RATE_LIMIT_API_CLIENT_CAPACITY,
        perSecond: parsed.RATE_LIMIT_API_CLIENT_PER_SECOND,
      },
      user: { capacity: parsed.RATE_LIMIT_USER_CAPACITY, perSecond: parsed.RATE_LIMIT_USER_PER_SECOND },
      anonymous: { capacity: parsed.RATE_LIMIT_ANONYMOUS_CAPACITY, perSecond: parsed.RATE_LIMIT_ANONYMOUS_PER_SECOND },
    },
    usageFlushMs: parsed.USAGE_FLUSH_MS,
    drainTimeoutMs: parsed.DRAIN_TIMEOUT_MS,
    otlpEndpoint: parsed.OTEL_EXPORTER_OTLP_ENDPOINT ?? null,
    limits: {
      maxDepth: parsed.MAX_DEPTH,
      maxAliases: parsed.MAX_ALIASES,
      maxTokens: parsed.MAX_TOKENS,
      maxCost: parsed.MAX_COST,
      maxBatch: parsed.MAX_BATCH,
      maxBodyBytes: parsed.MAX_BODY_BYTES,
    },
  };
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
export type RequestLimits = GatewayConfig["limits"];
export type RateLimitConfig = GatewayConfig["rateLimits"];

/**
 * @apollo/gateway reads APOLLO_TELEMETRY_DISABLED when it is constructed and otherwise starts an
 * exporter that probes cloud metadata addresses: the gateway calls nothing but its subgraphs and issuers.
 */
export function applyApolloTelemetrySetting(config: GatewayConfig): void {
  if (!config.apolloTelemetry) process.env.APOLLO_TELEMETRY_DISABLED = "true";
}
