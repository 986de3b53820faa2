import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { composeServices } from "@apollo/composition";
import { generateInternalKeyPair } from "@atelier/internal-auth";
import { postgresServer } from "@atelier/testing";
import { parse } from "graphql";
import { loadGatewayConfig } from "../../src/config";
import { createGateway } from "../../src/server";
import { ECHO_SUBGRAPH_SDL, startEchoSubgraph } from "./echo-subgraph";
import { startIdentityInternalStub } from "./identity-internal-stub";
import { startTestIssuer } from "./issuer-keys";

export const TEST_API_KEY = "ak_test_partner_secret";
export const WHOAMI_DOCUMENT = "{ whoami { kind userId tenantId role apiClientId scopes requestId } }";
/** WHOAMI_DOCUMENT published for the test API client. */
export const WHOAMI_ID = "whoami-v1";
export const EXTERNAL_ISSUER = "https://sso.example.test";

/** A gateway in front of one real echo subgraph, with a token issuer and identity's internal endpoints. */
export async function startTestStack(env: Record<string, string> = {}) {
  const internalKeys = generateInternalKeyPair();
  const subgraph = await startEchoSubgraph(internalKeys.publicKey);
  const issuer = await startTestIssuer("atelier-identity", "atelier");
  const externalIssuer = await startTestIssuer(EXTERNAL_ISSUER, "atelier-web");
  const identity = await startIdentityInternalStub({
    gatewayPublicKey: internalKeys.publicKey,
    apiKeys: { [TEST_API_KEY]: { apiClientId: "client-1", tenantId: "tenant-api", scopes: ["read"] } },
    operations: [{ id: WHOAMI_ID, document: WHOAMI_DOCUMENT, tenantId: "tenant-api", apiClientIds: ["client-1"] }],
    oidcLinks: { [`${EXTERNAL_ISSUER}|sso-subject`]: { userId: "user-sso", tenantId: "tenant-sso", role: "EDITOR" } },
    members: { "user-sso:tenant-sso": "EDITOR" },
  });

  const composed = composeServices([{ name: "echo", url: subgraph.url, typeDefs: parse(ECHO_SUBGRAPH_SDL) }]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  const dir = mkdtempSync(join(tmpdir(), "atelier-gateway-"));
  const supergraphPath = join(dir, "supergraph.graphql");
  writeFileSync(supergraphPath, composed.supergraphSdl);

  const config = loadGatewayConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    // The event bus (Postgres LISTEN/NOTIFY) is part of readiness.
    DATABASE_URL: (await postgresServer()).adminUrl,
    SUPERGRAPH_PATH: supergraphPath,
    INTERNAL_JWT_PRIVATE_KEY: internalKeys.privateKey,
    IDENTITY_JWKS_URL: issuer.jwksUrl,
    IDENTITY_INTERNAL_URL: identity.url,
    OIDC_ISSUERS: JSON.stringify([
      { issuer: EXTERNAL_ISSUER, jwksUri: externalIssuer.jwksUrl, audience: "atelier-web" },
    ]),
    ...env,
  });
  const gateway = await createGateway(config);

  async function post(body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: JSON.parse(text) };
  }

  return {
    gateway,
    /** The gateway's config, to start another replica of it. */
    config,
    subgraph,
    issuer,
    externalIssuer,
    identity,
    post,
    /** A valid identity access token for the default user. */
    /** A valid access token; identity's stand-in holds the membership its claims name. */
    userToken: (claims: Record<string, unknown> = {}) => {
      const all = { sub: "user-1", tid: "tenant-1", role: "ADMIN", sid: "s-1", ...claims };
      identity.members.set(`${all.sub}:${all.tid}`, String(all.role));
      return issuer.sign(all);
    },
    async close() {
      await gateway.stop();
      await Promise.all([subgraph.close(), issuer.close(), externalIssuer.close(), identity.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;
