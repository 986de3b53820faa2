import {
  loadConfig,
  type OidcIssuer,
  oidcIssuersEnv,
  positiveInt,
  serviceConfigFrom,
  serviceEnvShape,
  z,
} from "@atelier/config";

/** The external issuers identity links sign-ins from; the gateway reads the same variable. */
export type OidcIssuerConfig = OidcIssuer;

const identityEnvSchema = z
  .object({
    ...serviceEnvShape(4001),
    ACCESS_TOKEN_PRIVATE_KEY: z.string().optional(),
    ACCESS_TOKEN_ISSUER: z.string().default("atelier-identity"),
    ACCESS_TOKEN_AUDIENCE: z.string().default("atelier"),
    ACCESS_TOKEN_TTL_SECONDS: positiveInt(900),
    REFRESH_TOKEN_TTL_DAYS: positiveInt(30),
    MFA_ENCRYPTION_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/_-]{43}=?$/, "32 bytes, base64 or base64url")
      .optional(),
    OIDC_ISSUERS: oidcIssuersEnv,
    APP_URL: z.url().default("http://localhost:3000"),
    EMAIL_VERIFICATION_TTL_HOURS: positiveInt(48),
    PASSWORD_RESET_TTL_MINUTES: positiveInt(30),
    /** Failed sign-ins allowed per account, and per client address, in the window. */
    LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt(10),
    LOGIN_MAX_FAILURES_PER_ADDRESS: positiveInt(50),
    LOGIN_FAILURE_WINDOW_SECONDS: positiveInt(900),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    for (const key of ["ACCESS_TOKEN_PRIVATE_KEY", "MFA_ENCRYPTION_KEY"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "required when NODE_ENV=production" });
    }
  });

export function loadIdentityConfig(env: Record<string, string | undefined>) {
  const parsed = loadConfig("identity", identityEnvSchema, env);
  return {
    ...serviceConfigFrom(parsed),
    accessToken: {
      privateKey: parsed.ACCESS_TOKEN_PRIVATE_KEY ?? null,
      issuer: parsed.ACCESS_TOKEN_ISSUER,
      audience: parsed.ACCESS_TOKEN_AUDIENCE,
      ttlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS,
    },
    refreshTokenTtlDays: parsed.REFRESH_TOKEN_TTL_DAYS,
    mfaEncryptionKey: parsed.MFA_ENCRYPTION_KEY ?? null,
    oidcIssuers: parsed.OIDC_ISSUERS,
    appUrl: parsed.APP_URL.replace(/\/$/, ""),
    emailVerificationTtlHours: parsed.EMAIL_VERIFICATION_TTL_HOURS,
    passwordResetTtlMinutes: parsed.PASSWORD_RESET_TTL_MINUTES,
    loginThrottle: {
      maxFailuresPerAccount: parsed.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: parsed.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowMs: parsed.LOGIN_FAILURE_WINDOW_SECONDS * 1000,
    },
  };
}

export type IdentityConfig = ReturnType<typeof loadIdentityConfig>;
