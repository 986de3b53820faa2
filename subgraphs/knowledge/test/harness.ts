import { randomUUID } from "node:crypto";
import type { Identity, Role } from "@atelier/internal-auth";
import { createTestDatabase, signIdentity, type TestDatabase, testKeys } from "@atelier/testing";
import { loadKnowledgeConfig } from "../src/config";
import { createKnowledgeService, type KnowledgeService } from "../src/server";

export interface Harness {
  db: TestDatabase;
  service: KnowledgeService;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** A knowledge service on a fresh database, over real HTTP, with the built-in embedder and embedded store. */
export async function startHarness(overrides: Record<string, string> = {}): Promise<Harness> {
  const db = await createTestDatabase("knowledge");
  const env = {
    DATABASE_URL: db.url,
    INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DATABASE_POOL_MAX: "5",
    URI_FETCH_ALLOW_PRIVATE: "true",
    ...overrides,
  };
  const service = await createKnowledgeService(loadKnowledgeConfig(env));
  return {
    db,
    service,
    env,
    async stop() {
      await service.stop();
      await db.drop();
    },
  };
}

export function member(tenantId: string, role: Role = "EDITOR"): Identity {
  return { kind: "user", userId: randomUUID(), tenantId, role, sessionId: null, scopes: [] };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read response trees loosely and assert on them
type Loose = Record<string, any>;

export interface GraphQLResponse<T = Loose> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** Calls the subgraph as the gateway would, with a signed identity. */
export async function gql<T = Loose>(
  service: KnowledgeService,
  identity: Identity,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(service.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-atelier-identity": await signIdentity(identity) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export const DOCUMENT_FIELDS =
  "id title status error chunkCount chunksEmbedded checksum mimeType workspaceId metadata embeddingModel";

export const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { created document { ${DOCUMENT_FIELDS} } } }`;

/** Creates a text document and waits until it is READY (or FAILED). */
export async function ingest(
  service: KnowledgeService,
  identity: Identity,
  input: {
    workspaceId: string;
    title: string;
    text?: string;
    contentBase64?: string;
    mimeType?: string;
    metadata?: unknown;
  },
) {
  const res = await gql(service, identity, CREATE, { input: { mimeType: "text/plain", ...input } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const id = res.data!.createDocument.document.id as string;
  return waitFor(
    async () => {
      const r = await gql(service, identity, `query($id: ID!) { document(id: $id) { ${DOCUMENT_FIELDS} } }`, { id });
      const doc = r.data?.document;
      return doc && (doc.status === "READY" || doc.status === "FAILED") ? doc : null;
    },
    60_000,
    `document ${id} to finish ingesting`,
  );
}
