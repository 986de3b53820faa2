import { randomUUID } from "node:crypto";
import { createTestDatabase, signIdentity, testKeys } from "@atelier/testing";
import { loadKnowledgeConfig } from "../../subgraphs/knowledge/src/config";
import { createKnowledgeService } from "../../subgraphs/knowledge/src/server";

export const MODES = ["DENSE", "KEYWORD", "HYBRID"] as const;
export type Mode = (typeof MODES)[number];

const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`;
const SEARCH = `query($input: SemanticSearchInput!) { semanticSearch(input: $input) { cursor document { id } } }`;

/**
 * The real knowledge service on a fresh database, called over HTTP with signed identities as
 * the gateway would: what an evaluation ingests through and searches.
 */
export async function startEvalService(env: Record<string, string> = {}) {
  const db = await createTestDatabase("knowledge");
  const service = await createKnowledgeService(
    loadKnowledgeConfig({
      DATABASE_URL: db.url,
      INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...env,
    }),
  );
  const tenantId = randomUUID();
  const userId = randomUUID();
  let header = { value: "", at: 0 };
  // Identity tokens live 5 minutes; a long evaluation signs a fresh one each minute.
  const identity = async () => {
    if (Date.now() - header.at > 60_000) {
      const value = await signIdentity({ kind: "user", userId, tenantId, role: "EDITOR", sessionId: null, scopes: [] });
      header = { value, at: Date.now() };
    }
    return header.value;
  };
  async function gql(query: string, variables: Record<string, unknown>) {
    const response = await fetch(service.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-atelier-identity": await identity() },
      body: JSON.stringify({ query, variables }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the evaluation reads two known response shapes
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  /** Creates the documents (a few requests in flight) and waits until all are READY; their service ids in order. */
  async function ingest(
    docs: { title: string; text: string; metadata?: Record<string, unknown> }[],
  ): Promise<string[]> {
    const workspaceId = randomUUID();
    const ids: string[] = new Array(docs.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = next++; i < docs.length; i = next++) {
          const { title, text, metadata } = docs[i]!;
          const input = { workspaceId, title, mimeType: "text/plain", text, metadata: metadata ?? {} };
          ids[i] = (await gql(CREATE, { input })).createDocument.document.id;
        }
      }),
    );
    const distinct = new Set(ids).size;
    for (;;) {
      const rows = await service.services.db.document.groupBy({ by: ["status"], _count: true, where: { tenantId } });
      if (rows.some((r) => r.status === "FAILED")) throw new Error("a document failed to ingest");
      if ((rows.find((r) => r.status === "READY")?._count ?? 0) === distinct) return ids;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Distinct documents in rank order, pages of `pageSize` read until `depth` of them (or the results end). */
  async function rankDocuments(query: string, mode: Mode, depth: number, pageSize = 100): Promise<string[]> {
    const seen = new Set<string>();
    let after: string | null = null;
    // A search reads at most its first 1,000 results.
    for (let read = 0; seen.size < depth && read + pageSize <= 1000; read += pageSize) {
      const data = await gql(SEARCH, { input: { query, mode, limit: pageSize, after } });
      const page = data.semanticSearch as { cursor: string; document: { id: string } }[];
      for (const hit of page) seen.add(hit.document.id);
      if (page.length < pageSize) break;
      after = page.at(-1)!.cursor;
    }
    return [...seen].slice(0, depth);
  }

  return {
    service,
    tenantId,
    gql,
    ingest,
    rankDocuments,
    async stop() {
      await service.stop();
      await db.drop();
    },
  };
}
