import { envFlag, envList, jsonEnv, oidcIssuersEnv, positiveInt, z } from "@atelier/config";

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

/** `{ "<service>": "<Ed25519 public key, PEM or JWK JSON>" }`: the services that may act for others. */
const delegationKeysEnv = jsonEnv(
  z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.string().min(1)),
  '{ "<service>": "<public key>" }',
  {},
);

/** Who the caller is: tokens, API keys, delegations, and what anonymous callers may reach. */
export const authEnvShape = {
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
  OIDC_ISSUERS: oidcIssuersEnv,
  DELEGATION_PUBLIC_KEYS: delegationKeysEnv,
  ALLOW_ANONYMOUS: envFlag(false),
  PUBLIC_FIELDS: envList,
};

type AuthEnv = z.infer<z.ZodObject<typeof authEnvShape>>;

export function authConfigFrom(parsed: AuthEnv) {
  return {
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
    publicFields: parsed.PUBLIC_FIELDS.length > 0 ? parsed.PUBLIC_FIELDS : DEFAULT_PUBLIC_FIELDS,
  };
}
