import { fileURLToPath } from "node:url";
import { envFlag, z } from "@atelier/config";

const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL("../../../schema/supergraph.graphql", import.meta.url));

/** The supergraph, how its subgraphs are called, and what Apollo may do besides. */
export const federationEnvShape = {
  SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
  // Unset means "on unless production", so the flag cannot use envFlag's fixed fallback.
  INTROSPECTION: z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : ["true", "1", "yes"].includes(v))),
  APOLLO_TELEMETRY: envFlag(false),
  SUBGRAPH_FETCHER: z.enum(["keep-alive", "apollo-default"]).default("keep-alive"),
  /** Queries answered by the gateway's own executor (gateway/src/federation/fast-path); false: all by Apollo. */
  FAST_PATH: envFlag(true),
};

type FederationEnv = z.infer<z.ZodObject<typeof federationEnvShape>>;

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

export function federationConfigFrom(
  parsed: FederationEnv,
  env: Record<string, string | undefined>,
  production: boolean,
) {
  return {
    supergraphPath: parsed.SUPERGRAPH_PATH,
    subgraphUrls: subgraphUrlOverrides(env),
    /** "apollo-default" exists to measure the keep-alive fetcher against Apollo's own. */
    subgraphFetcher: parsed.SUBGRAPH_FETCHER,
    fastPath: parsed.FAST_PATH,
    apolloTelemetry: parsed.APOLLO_TELEMETRY,
    introspection: parsed.INTROSPECTION ?? !production,
  };
}

/**
 * @apollo/gateway reads APOLLO_TELEMETRY_DISABLED when it is constructed and otherwise starts an
 * exporter that probes cloud metadata addresses: the gateway calls nothing but its subgraphs and issuers.
 */
export function applyApolloTelemetrySetting(config: { apolloTelemetry: boolean }): void {
  if (!config.apolloTelemetry) process.env.APOLLO_TELEMETRY_DISABLED = "true";
}
