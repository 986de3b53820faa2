import { createHash, randomUUID } from "node:crypto";
import { ANONYMOUS, createInternalTokenSigner, generateInternalKeyPair, type Identity } from "@atelier/internal-auth";
import { createLogger } from "@atelier/logging";
import { createTestDatabase, type TestDatabase } from "@atelier/testing";
import { buildSchema, print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdmissionDeps, admitOperation } from "../src/admission/admit-operation";
import { createIdentityInternalClient } from "../src/auth/identity-internal-client";
import { loadGatewayConfig } from "../src/config";
import { createGatewayEventBus } from "../src/partner-access/gateway-event-bus";
import { createPersistedOperations } from "../src/partner-access/persisted-operations";
import { createRateLimiting } from "../src/partner-access/rate-limiting";
import { startIdentityInternalStub } from "./support/identity-internal-stub";

const schema = buildSchema(`
  type Node { id: ID! child: Node }
  type Query { health: String! node: Node }
  type Subscription { ticks: Node }
`);
const TENANT = randomUUID();
const PUBLISHED = { id: "op-published", document: "{ health }", tenantId: TENANT, apiClientIds: ["client-1"] };
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const user = (): Identity => ({
  kind: "user",
  userId: randomUUID(),
  tenantId: TENANT,
  role: "MEMBER",
  sessionId: null,
  scopes: [],
});
const apiClient: Identity = { kind: "apiClient", apiClientId: "client-1", tenantId: TENANT, scopes: [] };

let db: TestDatabase;
let identity: Awaited<ReturnType<typeof startIdentityInternalStub>>;
let deps: AdmissionDeps;
let close: () => Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase("audit");
  const keys = generateInternalKeyPair();
  identity = await startIdentityInternalStub({
    gatewayPublicKey: keys.publicKey,
    apiKeys: {},
    operations: [PUBLISHED],
  });
  const config = loadGatewayConfig({
    INTERNAL_JWT_PRIVATE_KEY: keys.privateKey,
    RATE_LIMIT_USER_CAPACITY: "3",
    RATE_LIMIT_USER_PER_SECOND: "0.01",
    RATE_LIMIT_ANONYMOUS_CAPACITY: "1",
    RATE_LIMIT_ANONYMOUS_PER_SECOND: "0.01",
    MAX_DEPTH: "2",
    MAX_TOKENS: "40",
  });
  const logger = createLogger({ service: "gateway", level: "silent" });
  const signer = createInternalTokenSigner({ privateKey: keys.privateKey, ttlSeconds: 60 });
  const bus = createGatewayEventBus({ databaseUrl: db.url, redisUrl: undefined }, logger);
  const client = createIdentityInternalClient({ baseUrl: identity.url, signer });
  const persisted = createPersistedOperations(config.persistedOperations, {
    redis: undefined,
    identity: client,
    bus,
    logger,
  });
  const rateLimiting = createRateLimiting(config.rateLimits, undefined, logger);
  deps = { rateLimiter: rateLimiting.rateLimiter, persisted, limits: config.limits };
  close = async () => {
    await rateLimiting.close();
    await bus.close();
  };
});
afterAll(async () => {
  await close?.();
  await identity?.close();
  await db?.drop();
});

describe("admitOperation", () => {
  it("charges the caller one token per operation and refuses past the bucket with RATE_LIMITED", async () => {
    const caller = user();
    const batch = [{ query: "{ health }" }, { query: "{ health }" }];
    expect(await admitOperation(deps, { identity: caller, clientAddress: undefined, operations: batch })).toMatchObject(
      {
        ok: true,
      },
    );
    const second = await admitOperation(deps, { identity: caller, clientAddress: undefined, operations: batch });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.refusal).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    expect(second.refusal.message).toMatch(/^rate limit exceeded: retry after \d+ s$/);
    expect(Number(second.refusal.headers?.["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(second.refusal.extensions?.retryAfter).toBe(Number(second.refusal.headers?.["retry-after"]));
  });

  it("limits anonymous callers by their address, each address its own bucket", async () => {
    const admit = (clientAddress: string | undefined) =>
      admitOperation(deps, { identity: ANONYMOUS, clientAddress, operations: [{ query: "{ health }" }] });
    expect((await admit("192.0.2.1")).ok).toBe(true);
    expect(await admit("192.0.2.1")).toMatchObject({ ok: false, refusal: { code: "RATE_LIMITED" } });
    expect((await admit("192.0.2.2")).ok).toBe(true);
  });

  it("turns an API client's published id into its document and refuses it a document", async () => {
    const byId = await admitOperation(deps, {
      identity: apiClient,
      clientAddress: undefined,
      operations: [{ documentId: PUBLISHED.id }],
    });
    expect(byId).toMatchObject({ ok: true, operations: [{ query: PUBLISHED.document }] });
    const document = await admitOperation(deps, {
      identity: apiClient,
      clientAddress: undefined,
      operations: [{ query: "{ health }" }],
    });
    expect(document).toMatchObject({ ok: false, refusal: { status: 400, code: "PERSISTED_QUERY_NOT_ALLOWED" } });
  });

  it("refuses the whole batch at its first refused operation", async () => {
    const persistedQuery = { version: 1, sha256Hash: sha256("{ node { id } }") };
    const admission = await admitOperation(deps, {
      identity: user(),
      clientAddress: undefined,
      operations: [{ query: "{ health }" }, { query: "{ health }", extensions: { persistedQuery } }],
    });
    expect(admission).toMatchObject({
      ok: false,
      refusal: { status: 400, code: "BAD_REQUEST", message: "provided sha does not match query" },
    });
  });

  it("passes what is not an operation object through for Apollo to answer", async () => {
    const admission = await admitOperation(deps, { identity: user(), clientAddress: undefined, operations: [42] });
    expect(admission).toEqual({ ok: true, operations: [42], documents: [] });
  });
});

describe("admitOperation for a transport that executes documents itself", () => {
  const admit = (query: string) =>
    admitOperation(deps, { identity: user(), clientAddress: undefined, operations: [{ query }], schema });

  it("gives back the parsed, validated document", async () => {
    const admission = await admit("subscription { ticks { id } }");
    expect(admission.ok && admission.documents.map((d) => print(d).replace(/\s+/g, " "))).toEqual([
      "subscription { ticks { id } }",
    ]);
  });

  it("refuses an operation over a limit with HTTP's code, limit and message", async () => {
    const admission = await admit("subscription { ticks { child { id } } }");
    expect(admission).toMatchObject({
      ok: false,
      refusal: { status: 400, code: "BAD_USER_INPUT", message: "operation depth 3 exceeds the maximum depth of 2" },
    });
    if (admission.ok) return;
    expect(admission.refusal.errors?.map((e) => e.extensions)).toEqual([
      { code: "BAD_USER_INPUT", limit: "MAX_DEPTH" },
    ]);
  });

  it("refuses a document over MAX_TOKENS before parsing further", async () => {
    const admission = await admit(`subscription { ${"ticks { id } ".repeat(20)} }`);
    expect(admission).toMatchObject({
      ok: false,
      refusal: { code: "GRAPHQL_PARSE_FAILED", message: "operation has more than 40 tokens, the maximum (MAX_TOKENS)" },
    });
    if (admission.ok) return;
    expect(admission.refusal.errors?.[0]?.extensions).toEqual({ code: "GRAPHQL_PARSE_FAILED", limit: "MAX_TOKENS" });
  });

  it("refuses a document that does not parse, with its location", async () => {
    const admission = await admit("subscription { ticks { id }");
    expect(admission).toMatchObject({ ok: false, refusal: { code: "GRAPHQL_PARSE_FAILED" } });
    if (admission.ok) return;
    expect(admission.refusal.errors?.[0]?.message).toMatch(/^Syntax Error: /);
    expect(admission.refusal.errors?.[0]?.locations).toEqual([{ line: 1, column: 28 }]);
  });

  it("refuses an invalid document with every validation error", async () => {
    const admission = await admit("subscription { ticks { nothing other } }");
    expect(admission.ok).toBe(false);
    if (admission.ok) return;
    expect(admission.refusal.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(admission.refusal.errors?.every((e) => e.extensions.code === "GRAPHQL_VALIDATION_FAILED")).toBe(true);
    expect(admission.refusal.errors?.map((e) => e.message)).toEqual([
      'Cannot query field "nothing" on type "Node".',
      'Cannot query field "other" on type "Node".',
    ]);
  });
});
