import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { composeServices } from "@apollo/composition";
import { createLogger } from "@atelier/logging";
import { createTestDatabase, testKeys } from "@atelier/testing";
import { parse } from "graphql";
import { loadIdentityConfig } from "../../../subgraphs/identity/src/config";
import { identityTypeDefs } from "../../../subgraphs/identity/src/schema/index";
import { createIdentityService } from "../../../subgraphs/identity/src/server";
import { loadGatewayConfig } from "../../src/config";
import { createGateway, type RunningGateway } from "../../src/server";
import { CATALOG_SDL, startCatalogSubgraph } from "./catalog-subgraph";

// biome-ignore lint/suspicious/noExplicitAny: tests read response data without a schema type
type AnyBody = Record<string, any>;

/** The real identity subgraph and a catalog subgraph behind gateways, on a fresh identity database. */
export async function startIdentityStack(env: Record<string, string> = {}) {
  const db = await createTestDatabase("identity");
  const keys = testKeys();
  const identity = await createIdentityService(
    loadIdentityConfig({
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: db.url,
      DATABASE_POOL_MAX: "4",
      INTERNAL_JWT_PUBLIC_KEY: keys.publicKey,
      LOG_LEVEL: "silent",
    }),
    { logger: createLogger({ service: "identity", level: "silent" }) },
  );
  const catalog = await startCatalogSubgraph(keys.publicKey);
  const composed = composeServices([
    { name: "identity", url: identity.url, typeDefs: identityTypeDefs },
    { name: "catalog", url: catalog.url, typeDefs: parse(CATALOG_SDL) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  const dir = mkdtempSync(join(tmpdir(), "atelier-partner-"));
  const supergraphPath = join(dir, "supergraph.graphql");
  writeFileSync(supergraphPath, composed.supergraphSdl);
  const identityBase = identity.url.replace(/\/graphql$/, "");
  const config = loadGatewayConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    SUPERGRAPH_PATH: supergraphPath,
    INTERNAL_JWT_PRIVATE_KEY: keys.privateKey,
    IDENTITY_JWKS_URL: `${identityBase}/.well-known/jwks.json`,
    IDENTITY_INTERNAL_URL: identityBase,
    DATABASE_URL: db.url,
    USAGE_FLUSH_MS: "200",
    ...env,
  });
  const gateways: RunningGateway[] = [await createGateway(config)];
  const gateway = gateways[0]!;

  async function post(body: unknown, headers: Record<string, string> = {}, url = gateway.url) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as AnyBody };
  }

  /** A new user owning a new tenant, signed up through the gateway; returns its bearer header. */
  async function signUpAdmin(prefix = "admin") {
    const suffix = randomBytes(4).toString("hex");
    const { body } = await post({
      query: `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken tenant { id } user { id } } }`,
      variables: {
        input: {
          email: `${prefix}-${suffix}@example.com`,
          password: "correct horse battery",
          fullName: `${prefix} person`,
          tenantName: `${prefix} studio ${suffix}`,
        },
      },
    });
    if (body.errors) throw new Error(`signUp failed: ${JSON.stringify(body.errors)}`);
    const { accessToken, refreshToken, tenant, user } = body.data.signUp;
    return {
      userId: user.id as string,
      refreshToken: refreshToken as string,
      tenantId: tenant.id as string,
      bearer: { authorization: `Bearer ${accessToken}` },
      token: accessToken,
    };
  }

  /** An API client of the admin's tenant allowed to call `apps`; returns its id and x-api-key header. */
  async function createApiClient(admin: { bearer: Record<string, string> }, apps: string[]) {
    const { body } = await post(
      {
        query: `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey apiClient { id } } }`,
        variables: { input: { name: `partner ${randomBytes(2).toString("hex")}`, scopes: [], allowedApps: apps } },
      },
      admin.bearer,
    );
    if (body.errors) throw new Error(`createApiClient failed: ${JSON.stringify(body.errors)}`);
    const { apiKey, apiClient } = body.data.createApiClient;
    return { apiClientId: apiClient.id as string, headers: { "x-api-key": apiKey as string } };
  }

  return {
    gateway,
    config,
    post,
    signUpAdmin,
    createApiClient,
    async startReplica() {
      const replica = await createGateway(config);
      gateways.push(replica);
      return replica;
    },
    async close() {
      for (const g of gateways) await g.stop();
      await catalog.close();
      await identity.stop();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type IdentityStack = Awaited<ReturnType<typeof startIdentityStack>>;
