import { randomUUID } from "node:crypto";
import { member, waitFor } from "@atelier/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { failExhaustedIngestion } from "../src/ingestion/start-worker";
import { INGEST_QUEUE } from "../src/services";
import { type EmbeddingProviderStub, startEmbeddingProvider } from "./embedding-provider-stub";
import { type KnowledgeSubgraph, knowledgeTest } from "./fixture";
import { CREATE } from "./ingest-document";

const DIMENSIONS = 8;
let provider: EmbeddingProviderStub;
let h: KnowledgeSubgraph;
let pool: pg.Pool;
const tenant = randomUUID();
const editor = member(tenant);
const workspaceId = randomUUID();
const longText = Array.from({ length: 60 }, (_, i) => `Note ${i}: the ceramic studio tested glaze batch ${i}.`).join(
  " ",
);

function providerEnv(extra: Record<string, string> = {}) {
  return {
    EMBEDDING_PROVIDER: "openai",
    EMBEDDING_BASE_URL: provider.baseUrl,
    EMBEDDING_MODEL: "stub-embedder",
    EMBEDDING_DIMENSIONS: String(DIMENSIONS),
    EMBEDDING_MAX_RETRIES: "1",
    CHUNK_SIZE_TOKENS: "30",
    CHUNK_OVERLAP_TOKENS: "5",
    INGEST_BATCH_CHUNKS: "3",
    INGEST_RETRY_LIMIT: "1",
    INGEST_RETRY_DELAY_SECONDS: "1",
    ...extra,
  };
}

/** Each test's document has its own content: the same content in a workspace is stored once. */
async function create(subgraph: KnowledgeSubgraph, title: string) {
  const text = `${title}. ${longText}`;
  const res = await subgraph.gql(editor, CREATE, { input: { workspaceId, title, mimeType: "text/plain", text } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.createDocument.document.id as string;
}

async function settled(documentId: string, timeoutMs = 60_000) {
  return waitFor(
    async () => {
      const { rows } = await pool.query(`SELECT status, error FROM knowledge."Document" WHERE id = $1`, [documentId]);
      const doc = rows[0] as { status: string; error: string | null } | undefined;
      return doc && (doc.status === "READY" || doc.status === "FAILED") ? doc : null;
    },
    timeoutMs,
    `document ${documentId} to settle`,
  );
}

async function eventTypes(documentId: string): Promise<string[]> {
  const res = await h.gql(editor, `query($id: ID!) { documentStatusEvents(documentId: $id) { type } }`, {
    id: documentId,
  });
  return (res.data!.documentStatusEvents as { type: string }[]).map((e) => e.type);
}

async function leftovers(service: KnowledgeSubgraph["service"], documentId: string) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM knowledge."SemanticChunk" WHERE "documentId" = $1`,
    [documentId],
  );
  const { store, collection } = service.services;
  return { chunks: rows[0].n as number, vectors: await store.count(collection, { tenantId: tenant, documentId }) };
}

beforeAll(async () => {
  provider = await startEmbeddingProvider(DIMENSIONS);
});
const test = knowledgeTest.with({ env: () => providerEnv() });
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  pool = new pg.Pool({ connectionString: h.db.url, max: 2 });
});
afterAll(async () => {
  await pool?.end();
  await provider?.close();
});

describe("an ingestion that cannot finish", () => {
  test("ends FAILED with the reason when embedding fails past every retry, leaving no chunk or vector", async () => {
    // Two batches are embedded and written, then the provider answers 503 for good.
    provider.setMode({ kind: "failAfter", okBatches: 2, status: 503 });
    const id = await create(h, "Outage");
    const doc = await settled(id);
    expect(doc.status).toBe("FAILED");
    expect(doc.error).toMatch(/^embedding failed: embedding provider answered 503 \(gave up after 2 attempts\)$/);
    // Chunks go in the FAILED transaction; staged vectors right after its commit, so poll briefly.
    const gone = await waitFor(
      async () => {
        const left = await leftovers(h.service, id);
        return left.chunks === 0 && left.vectors === 0 ? left : null;
      },
      5_000,
      "the failed document's chunks and vectors to be gone",
    );
    expect(gone).toEqual({ chunks: 0, vectors: 0 });
    const types = await eventTypes(id);
    expect(types.filter((t) => t === "FAILED")).toHaveLength(1);
    expect(types.at(-1)).toBe("FAILED");
    expect(types).toContain("PROGRESS");
    const search = await h.gql(
      editor,
      `query { semanticSearch(input: { query: "ceramic glaze", mode: KEYWORD }) { chunk { id } } }`,
    );
    expect(search.data!.semanticSearch).toEqual([]);
  });

  test("ends FAILED at once, without retrying, when the provider refuses the request", async () => {
    provider.setMode({ kind: "failAfter", okBatches: 0, status: 400 });
    const before = provider.requests;
    const id = await create(h, "Refused");
    const doc = await settled(id);
    expect(doc.status).toBe("FAILED");
    expect(doc.error).toMatch(/^embedding failed: embedding provider answered 400: .*scripted failure/);
    // One request: neither the embedder nor the job queue tried again.
    expect(provider.requests - before).toBe(1);
    expect(await eventTypes(id)).toEqual(["CREATED", "PROCESSING", "PROGRESS", "FAILED"]);
  });

  test("fails once however many deliveries of the job and of its dead letter race", async () => {
    provider.setMode({ kind: "failAfter", okBatches: 0, status: 503 });
    const id = await create(h, "Raced");
    const job = { tenantId: tenant, documentId: id, requestSequence: 1 };
    // A duplicate delivery of the same ingestion, as at-least-once queues allow.
    await h.service.services.queue.send(INGEST_QUEUE, job);
    expect((await settled(id)).status).toBe("FAILED");
    await Promise.all([
      failExhaustedIngestion(h.service.services, job),
      failExhaustedIngestion(h.service.services, job),
    ]);
    const types = await eventTypes(id);
    expect(types.filter((t) => t === "FAILED")).toHaveLength(1);
    expect(types.at(-1)).toBe("FAILED");
  });

  test("ignores the dead letter of a request that a re-index superseded", async () => {
    provider.setMode({ kind: "ok" });
    const id = await create(h, "Superseded");
    expect((await settled(id)).status).toBe("READY");
    const reindex = await h.gql(
      editor,
      `mutation($id: ID!) { reindexDocument(input: { documentId: $id }) { document { status } } }`,
      { id },
    );
    expect(reindex.data!.reindexDocument.document.status).toBe("PENDING");
    // The first request's job (sequence 1) gives up while the re-index (a later request) is under way.
    await failExhaustedIngestion(h.service.services, { tenantId: tenant, documentId: id, requestSequence: 1 });
    expect((await settled(id)).status).toBe("READY");
    expect(await eventTypes(id)).not.toContain("FAILED");
  });

  test("ends FAILED with the reason when a parse failure is the cause", async () => {
    provider.setMode({ kind: "ok" });
    const res = await h.gql(editor, CREATE, {
      input: {
        workspaceId,
        title: "Not a PDF",
        mimeType: "application/pdf",
        contentBase64: Buffer.from("%PDF-1.4 junk").toString("base64"),
      },
    });
    const id = res.data!.createDocument.document.id as string;
    const doc = await settled(id);
    expect(doc).toMatchObject({ status: "FAILED" });
    expect(doc.error).toMatch(/could not parse application\/pdf/);
    expect(await eventTypes(id)).toEqual(["CREATED", "PROCESSING", "FAILED"]);
  });
});

describe("an ingestion whose worker never finishes", () => {
  let hung: KnowledgeSubgraph;
  beforeAll(async () => {
    // No retry, and a job active for 1 s is presumed lost: pg-boss fails it at its next maintenance pass.
    hung = await knowledgeTest.start({
      env: providerEnv({ INGEST_RETRY_LIMIT: "0", JOB_EXPIRE_SECONDS: "1", EMBEDDING_TIMEOUT_MS: "120000" }),
    });
  });
  afterAll(async () => {
    await hung?.stop();
  });

  test("ends FAILED when pg-boss gives the job up after it timed out", async () => {
    provider.setMode({ kind: "hang" });
    const res = await hung.gql(editor, CREATE, {
      input: { workspaceId, title: "Hung", mimeType: "text/plain", text: `Hung. ${longText}` },
    });
    const id = res.data!.createDocument.document.id as string;
    const { rows } = await waitFor(
      async () => {
        const r = await new pg.Client({ connectionString: hung.db.url });
        await r.connect();
        try {
          const out = await r.query(`SELECT status, error FROM knowledge."Document" WHERE id = $1`, [id]);
          return out.rows[0]?.status === "FAILED" ? out : null;
        } finally {
          await r.end();
        }
      },
      90_000,
      "the timed-out ingestion to be failed",
    );
    expect(rows[0].error).toBe("ingestion did not finish in 1 attempt (its worker stopped or timed out)");
  }, 120_000);
});
