import { z } from "zod";
import { envFlag, positiveInt } from "./env-values";

/**
 * The variables every process reads, the gateway and each subgraph: how it runs, where it listens,
 * how it logs, drains and exports traces.
 */
export function processEnvShape(defaultPort: number) {
  return {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
    HOST: z.string().default("0.0.0.0"),
    /** On SIGTERM, how long requests in flight (and running jobs) may take before they are cut. */
    DRAIN_TIMEOUT_MS: positiveInt(10_000),
    /** OTLP/HTTP collector for traces (e.g. http://otel-collector:4318); unset: no export. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  };
}

type ProcessEnv = z.infer<z.ZodObject<ReturnType<typeof processEnvShape>>>;

/** The common part of every process's config object. */
export function processConfigFrom(parsed: ProcessEnv) {
  return {
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    port: parsed.PORT,
    host: parsed.HOST,
    drainTimeoutMs: parsed.DRAIN_TIMEOUT_MS,
    otlpEndpoint: parsed.OTEL_EXPORTER_OTLP_ENDPOINT ?? null,
  };
}

/**
 * The variables every subgraph reads, as a zod shape to spread into its own schema:
 * `z.object({ ...serviceEnvShape(4003), MY_SETTING: … })`.
 */
export function serviceEnvShape(defaultPort: number) {
  return {
    ...processEnvShape(defaultPort),
    DATABASE_URL: z.string().default("postgresql://postgres@127.0.0.1:5432/atelier"),
    DATABASE_POOL_MAX: positiveInt(10),
    /** The event bus on Redis instead of Postgres NOTIFY (for many gateway replicas). */
    REDIS_URL: z.string().optional(),
    INTERNAL_JWT_PUBLIC_KEY: z.string().min(1, "required: the gateway's Ed25519 public key (PEM or JWK JSON)"),
    INTROSPECTION: envFlag(true),
    /** Workers (no HTTP server of their own) serve /health, /ready and /metrics on this port when set. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  };
}

/** For services that call the gateway for someone (workflow steps, asset hand-off). */
export const gatewayCallerEnvShape = {
  GATEWAY_URL: z.url().default("http://localhost:4000/graphql"),
  /** This service's Ed25519 delegation key (PEM or JWK JSON); without it, calls for others are refused. */
  DELEGATION_PRIVATE_KEY: z.string().min(1).optional(),
  GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
};

type ServiceEnv = z.infer<z.ZodObject<ReturnType<typeof serviceEnvShape>>>;

/** The common part of a service's config object, from its parsed environment. */
export function serviceConfigFrom(parsed: ServiceEnv) {
  return {
    ...processConfigFrom(parsed),
    databaseUrl: parsed.DATABASE_URL,
    databasePoolMax: parsed.DATABASE_POOL_MAX,
    redisUrl: parsed.REDIS_URL ?? null,
    internalPublicKey: parsed.INTERNAL_JWT_PUBLIC_KEY,
    introspection: parsed.INTROSPECTION,
    metricsPort: parsed.METRICS_PORT ?? null,
  };
}

type GatewayCallerEnv = z.infer<z.ZodObject<typeof gatewayCallerEnvShape>>;

/** `gateway` of a service's config: where and with which key it calls the gateway for others. */
export function gatewayCallerConfigFrom(parsed: GatewayCallerEnv) {
  return {
    url: parsed.GATEWAY_URL,
    delegationPrivateKey: parsed.DELEGATION_PRIVATE_KEY ?? null,
    timeoutMs: parsed.GATEWAY_TIMEOUT_MS,
  };
}
