import { z } from "zod";

export { z };

/** Thrown when a service's environment does not satisfy its schema; lists every problem. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`Invalid configuration for ${service}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Parses a service's environment once, at boot. Every failing variable is reported at once,
 * so an operator fixes them in one round rather than one per restart.
 */
export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join(".") || "(root)";
    return `${key}: ${issue.message}`;
  });
  throw new ConfigError(service, problems);
}

export { envFlag, envList, jsonEnv, nonNegativeInt, positiveInt } from "./env-values";
export { type OidcIssuer, oidcIssuerSchema, oidcIssuersEnv } from "./oidc-issuers";
export * from "./service-env";
