import { createPrismaClient } from "@atelier/db";
import { createEventBus, type EventBus } from "@atelier/event-bus";
import { createLogger, type Logger } from "@atelier/logging";
import type { TokenIssuer } from "./auth/access-tokens";
import { createTokenIssuer } from "./auth/access-tokens";
import type { LoginThrottle } from "./auth/login-throttle";
import { createMemoryLoginThrottle, createRedisLoginThrottle } from "./auth/login-throttle";
import type { OidcTokenVerifier } from "./auth/oidc-tokens";
import { createOidcTokenVerifier } from "./auth/oidc-tokens";
import type { SecretBox } from "./auth/secret-box";
import { createSecretBox, secretBoxKeyFrom } from "./auth/secret-box";
import { loadSigningKey } from "./auth/signing-key";
import type { IdentityConfig } from "./config";
import { PrismaClient } from "./generated/prisma/client";
import { createLoggingMailSender, type MailSender } from "./mail/mail-sender";

/** Process-wide collaborators, built once at boot. */
export interface IdentityServices {
  db: PrismaClient;
  config: IdentityConfig;
  tokens: TokenIssuer;
  secretBox: SecretBox;
  mail: MailSender;
  oidc: OidcTokenVerifier;
  loginThrottle: LoginThrottle;
  log: Logger;
  /** Announces persisted-operation changes to gateways. */
  bus: EventBus;
}

export interface IdentityServiceDeps {
  logger?: Logger;
  /** Defaults to one on REDIS_URL or DATABASE_URL, closed with the service. */
  bus?: EventBus;
  mail?: MailSender;
}

/** What the process needs, built once at boot, and how to close it (what it built, not what it was given). */
export async function createIdentityServices(
  config: IdentityConfig,
  deps: IdentityServiceDeps = {},
): Promise<{ services: IdentityServices; close(): Promise<void> }> {
  const log = deps.logger ?? createLogger({ service: "identity", level: config.logLevel });
  const signing = await loadSigningKey(config.accessToken.privateKey);
  if (signing.ephemeral)
    log.warn("ACCESS_TOKEN_PRIVATE_KEY not set: signing with an ephemeral key (tokens die with this process)");
  const boxKey = secretBoxKeyFrom(config.mfaEncryptionKey);
  if (boxKey.isDevelopmentKey) log.warn("MFA_ENCRYPTION_KEY not set: using the development key");

  const db = createPrismaClient(PrismaClient, { databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax });
  const bus =
    deps.bus ??
    createEventBus({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl }, (error) =>
      log.warn({ err: error }, "event bus error"),
    );
  const services: IdentityServices = {
    db,
    config,
    log,
    tokens: createTokenIssuer({ key: signing.key, ...config.accessToken }),
    secretBox: createSecretBox(boxKey.key),
    mail: deps.mail ?? createLoggingMailSender(log),
    oidc: createOidcTokenVerifier(config.oidcIssuers),
    loginThrottle: config.redisUrl
      ? createRedisLoginThrottle(config.redisUrl, config.loginThrottle)
      : createMemoryLoginThrottle(config.loginThrottle),
    bus,
  };
  return {
    services,
    async close() {
      if (!deps.bus) await bus.close();
      await services.loginThrottle.close();
      await db.$disconnect();
    },
  };
}
