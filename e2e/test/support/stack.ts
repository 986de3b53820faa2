import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { createCreativeService, loadCreativeConfig } from "@atelier/creative/service";
import { createGateway, type RunningGateway } from "@atelier/gateway";
import { loadGatewayConfig } from "@atelier/gateway/config";
import { createIdentityService, loadIdentityConfig } from "@atelier/identity";
import { type DELEGATING_SERVICES, delegationKeyPairs, delegationPublicKeysJson } from "@atelier/internal-auth";
import { createKnowledgeService, loadKnowledgeConfig } from "@atelier/knowledge/service";
import { createTestDatabase, testKeys } from "@atelier/testing";
import { createWorkflowsService, loadWorkflowsConfig } from "@atelier/workflows/service";
import { parse } from "graphql";

const root = path.resolve(import.meta.dirname, "../../..");

function sdlOf(name: string): string {
  const dir = path.join(root, "subgraphs", name, "src", "schema");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
}

export interface StackOptions {
  gateways?: number;
  /** Extra in-process workflows services (each runs a worker): replicas of the worker. */
  workflowWorkers?: number;
  redisUrl?: string;
  /** Extra gateway environment (e.g. rate limits for a bench). */
  gatewayEnv?: Record<string, string>;
  /** Extra identity environment (e.g. its signing key, so a test can mint a genuine expired token). */
  identityEnv?: Record<string, string>;
}

/** A port nobody listens on now, so services can be told the gateway's URL before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The real services — identity, knowledge, workflows, creative — each on its own port, behind one
 * or more real gateways, on one fresh database migrated with every history. Knowledge, workflows
 * and creative call the first gateway with their own delegation keys.
 */
export async function startStack(opts: StackOptions = {}) {
  const db = await createTestDatabase(["identity", "knowledge", "workflows", "creative"]);
  const keys = testKeys();
  const gatewayPort = await freePort();
  const delegationKeys = delegationKeyPairs();
  const delegating = (service: (typeof DELEGATING_SERVICES)[number]) => ({
    GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
    DELEGATION_PRIVATE_KEY: delegationKeys[service]!.privateKey,
  });
  const blobs = mkdtempSync(path.join(tmpdir(), "atelier-e2e-"));
  const common = {
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATABASE_URL: db.url,
    INTERNAL_JWT_PUBLIC_KEY: keys.publicKey,
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
  };
  const identity = await createIdentityService(loadIdentityConfig({ ...common, ...opts.identityEnv }));
  const knowledge = await createKnowledgeService(
    // Creative's blob URLs are on 127.0.0.1 (a port not known yet): knowledge may download from there.
    loadKnowledgeConfig({
      ...common,
      RUN_WORKER: "true",
      ASSET_FETCH_ALLOWED_HOSTS: "127.0.0.1",
      ...delegating("knowledge"),
    }),
  );
  const workflowsConfig = loadWorkflowsConfig({ ...common, RUN_WORKER: "true", ...delegating("workflows") });
  const workflows = [await createWorkflowsService(workflowsConfig)];
  for (let i = 0; i < (opts.workflowWorkers ?? 0); i++) workflows.push(await createWorkflowsService(workflowsConfig));
  const creative = await createCreativeService(
    loadCreativeConfig({
      ...common,
      RUN_WORKER: "true",
      STORAGE_DIR: blobs,
      STORAGE_SIGNING_SECRET: "e2e-signing-secret-e2e-signing-secret",
      ...delegating("creative"),
    }),
  );

  const composed = composeServices([
    { name: "identity", url: identity.url, typeDefs: parse(sdlOf("identity")) },
    { name: "knowledge", url: knowledge.url, typeDefs: parse(sdlOf("knowledge")) },
    { name: "workflows", url: workflows[0]!.url, typeDefs: parse(sdlOf("workflows")) },
    { name: "creative", url: creative.url, typeDefs: parse(sdlOf("creative")) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  writeFileSync(path.join(blobs, "supergraph.graphql"), composed.supergraphSdl);

  const identityBase = identity.url.replace(/\/graphql$/, "");
  const gateways: RunningGateway[] = [];
  for (let i = 0; i < (opts.gateways ?? 1); i++) {
    gateways.push(
      await createGateway(
        loadGatewayConfig({
          ...common,
          SUPERGRAPH_PATH: path.join(blobs, "supergraph.graphql"),
          SUBSCRIPTIONS_PATH: path.join(root, "schema", "subscriptions.json"),
          INTERNAL_JWT_PRIVATE_KEY: keys.privateKey,
          IDENTITY_JWKS_URL: `${identityBase}/.well-known/jwks.json`,
          IDENTITY_INTERNAL_URL: identityBase,
          DELEGATION_PUBLIC_KEYS: delegationPublicKeysJson(delegationKeys),
          ...(i === 0 ? { PORT: String(gatewayPort) } : {}),
          ...opts.gatewayEnv,
        }),
      ),
    );
  }

  return {
    db,
    gateways,
    url: (i = 0) => gateways[i]!.url,
    wsUrl: (i = 0) => gateways[i]!.url.replace("http", "ws"),
    creative,
    knowledge,
    /** The workflows services (the first serves the gateway); replace one to restart it. */
    workflows,
    workflowsConfig,
    /** Each subgraph's own URL, for calls that bypass the gateway (the security suite). */
    subgraphUrls: {
      identity: identity.url,
      knowledge: knowledge.url,
      workflows: workflows[0]!.url,
      creative: creative.url,
    },
    async close() {
      for (const g of gateways) await g.stop();
      await creative.stop();
      for (const w of workflows) await w.stop();
      await knowledge.stop();
      await identity.stop();
      await db.drop();
      rmSync(blobs, { recursive: true, force: true });
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
