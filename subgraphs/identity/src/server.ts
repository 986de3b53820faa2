import { createPrismaClient } from "@atelier/db";
import { createEventBus, type EventBus } from "@atelier/event-bus";
import { createLogger, type Logger } from "@atelier/logging";
import { createSubgraphServer, type SubgraphServer } from "@atelier/subgraph-kit";
import { createTokenIssuer } from "./auth/access-tokens";
import { createMemoryLoginThrottle, createRedisLoginThrottle } from "./auth/login-throttle";
import { createOidcTokenVerifier } from "./auth/oidc-tokens";
import { createSecretBox, secretBoxKeyFrom } from "./auth/secret-box";
import { loadSigningKey } from "./auth/signing-key";
import type { IdentityConfig } from "./config";
import type { IdentityContext, IdentityServices } from "./context";
import { createLoaders } from "./data/loaders";
import { PrismaClient } from "./generated/prisma/client";
import { identityRoutes } from "./http/routes";
import { createLoggingMailSender, type MailSender } from "./mail/mail-sender";
import { resolvers } from "./resolvers/index";
import { identityTypeDefs } from "./schema/index";

export interface IdentityServiceDeps {
  logger?: Logger;
  /** Defaults to one on REDIS_URL or DATABASE_URL, closed with the service. */
  bus?: EventBus;
  mail?: MailSender;
}

export interface IdentityService extends SubgraphServer {
  services: IdentityServices;
}

/** Builds and starts the identity subgraph; `config.port` 0 picks a free port (tests). */
export async function createIdentityService(
  config: IdentityConfig,
  deps: IdentityServiceDeps = {},
): Promise<IdentityService> {
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

  const server = await createSubgraphServer<IdentityContext>({
    name: "identity",
    typeDefs: identityTypeDefs,
    resolvers,
    port: config.port,
    host: config.host,
    internalPublicKey: config.internalPublicKey,
    logger: log,
    introspection: config.introspection,
    buildContext: (base) => ({ ...base, services, loaders: createLoaders(services, base.identity, base.requestId) }),
    routes: identityRoutes(services),
    readiness: { database: async () => void (await db.$queryRawUnsafe("SELECT 1")), eventBus: () => bus.check() },
    drainTimeoutMs: config.drainTimeoutMs,
  });
  log.info({ url: server.url }, "identity subgraph listening");
  return {
    ...server,
    services,
    async stop() {
      await server.stop();
      if (!deps.bus) await bus.close();
      await services.loginThrottle.close();
      await db.$disconnect();
    },
  };
}
