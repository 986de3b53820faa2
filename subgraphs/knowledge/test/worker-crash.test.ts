import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { member, waitFor } from "@atelier/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { chunkText } from "../src/ingestion/chunk-text";
import { type KnowledgeSubgraph, knowledgeTest } from "./fixture";
import { CREATE } from "./ingest-document";

const here = path.dirname(fileURLToPath(import.meta.url));
const CHUNKING = { CHUNK_SIZE_TOKENS: "30", CHUNK_OVERLAP_TOKENS: "5" };
let h: KnowledgeSubgraph;
let pool: pg.Pool;
const children: ChildProcess[] = [];

/** A separate worker process (the real entrypoint), embedding one chunk per batch so it can be caught mid-document. */
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "../src/worker.ts")], {
    cwd: path.join(here, ".."),
    env: {
      ...process.env,
      ...h.env,
      ...CHUNKING,
      INGEST_BATCH_CHUNKS: "1",
      WORKER_CONCURRENCY: "1",
      JOB_EXPIRE_SECONDS: "2",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

async function progress(id: string) {
  const { rows } = await pool.query(
    `SELECT status, "chunkCount", "chunksEmbedded" FROM knowledge."Document" WHERE id = $1`,
    [id],
  );
  return rows[0] as { status: string; chunkCount: number; chunksEmbedded: number };
}

beforeAll(async () => {
  // The API process runs no worker; its embedded store follows the worker through status notices.
});
const test = knowledgeTest.with({ env: () => ({ ...CHUNKING, RUN_WORKER: "false", JOB_EXPIRE_SECONDS: "2" }) });
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  pool = new pg.Pool({ connectionString: h.db.url, max: 2 });
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await pool?.end();
});

describe("ingestion after a killed worker", () => {
  test("resumes in another worker and ends READY with exactly the right chunks", async () => {
    const tenant = randomUUID();
    const editor = member(tenant);
    const text = Array.from(
      { length: 400 },
      (_, i) => `Finding ${i}: the kiln-fired glaze palette scored ${i % 7} with testers.`,
    ).join(" ");
    const expected = chunkText(text, { size: 30, overlap: 5 }).length;
    const res = await h.gql(editor, CREATE, {
      input: { workspaceId: randomUUID(), title: "Long study", mimeType: "text/plain", text },
    });
    const id = res.data!.createDocument.document.id as string;

    const first = startWorker();
    const atKill = await waitFor(
      async () => {
        const p = await progress(id);
        return p.chunksEmbedded >= 20 ? p : null;
      },
      60_000,
      "the first worker to embed some chunks",
    );
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const afterKill = await progress(id);
    expect(afterKill.status).toBe("PROCESSING");
    expect(afterKill.chunksEmbedded).toBeLessThan(expected);
    expect(atKill.chunkCount).toBe(expected);

    startWorker();
    const done = await waitFor(
      async () => {
        const p = await progress(id);
        return p.status === "READY" ? p : null;
      },
      120_000,
      "the second worker to finish the document",
    );
    expect(done).toEqual({ status: "READY", chunkCount: expected, chunksEmbedded: expected });
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n, count(DISTINCT index)::int AS distinct_n, max(index) AS top FROM knowledge."SemanticChunk" WHERE "documentId" = $1`,
      [id],
    );
    expect(rows[0]).toEqual({ n: expected, distinct_n: expected, top: expected - 1 });

    // The API process's embedded store picked the document up from Postgres once READY.
    const { store, collection } = h.service.services;
    await waitFor(
      async () => (await store.count(collection, { tenantId: tenant, documentId: id })) === expected,
      10_000,
      "vector sync",
    );
    const search = await h.gql(
      editor,
      `query { semanticSearch(input: { query: "kiln-fired glaze palette", mode: DENSE, limit: 3 }) { document { id } } }`,
    );
    expect(search.data!.semanticSearch[0].document.id).toBe(id);
  }, 240_000);
});
