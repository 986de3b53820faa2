import type { EventBus } from "@atelier/event-bus";
import type { Logger } from "@atelier/logging";
import type { BaseContext } from "@atelier/subgraph-kit";
import type { TokenIssuer } from "./auth/access-tokens";
import type { LoginThrottle } from "./auth/login-throttle";
import type { OidcTokenVerifier } from "./auth/oidc-tokens";
import type { SecretBox } from "./auth/secret-box";
import type { IdentityConfig } from "./config";
import type { Loaders } from "./data/loaders";
import type { PrismaClient } from "./generated/prisma/client";
import type { MailSender } from "./mail/mail-sender";

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

/** The per-request context of resolvers and domain functions. */
export interface IdentityContext extends BaseContext {
  services: IdentityServices;
  /** Created per request: a shared cache would mix tenants. */
  loaders: Loaders;
}

/** The name scripts/codegen.ts expects by default. */
export type Context = IdentityContext;
