import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { member, waitFor } from "@atelier/testing";
import pg from "pg";
import { afterAll, describe, expect } from "vitest";
import { makePdf } from "./document-files";
import { type KnowledgeSubgraph, knowledgeTest } from "./fixture";
import { CREATE, DOCUMENT_FIELDS, ingest } from "./ingest-document";

let h: KnowledgeSubgraph;
let files: Server;
let filesUrl: string;
const tenant = randomUUID();
const editor = member(tenant);
const workspaceId = randomUUID();

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: h.db.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

const test = knowledgeTest.with({
  env: {
    URI_FETCH_MAX_BYTES: "5000",
    URI_FETCH_TIMEOUT_MS: "500",
    CHUNK_SIZE_TOKENS: "40",
    CHUNK_OVERLAP_TOKENS: "8",
  },
});
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  files = createServer((req, res) => {
    if (req.url === "/brief.md")
      return res
        .writeHead(200, { "content-type": "text/markdown; charset=utf-8" })
        .end("# Winter brief\n\nSnow scenes, warm light.");
    if (req.url === "/big.txt") return res.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(6000));
    if (req.url === "/slow.txt")
      return void setTimeout(() => res.writeHead(200, { "content-type": "text/plain" }).end("late"), 2000);
    if (req.url === "/image.png") return res.writeHead(200, { "content-type": "image/png" }).end("png");
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});
afterAll(async () => {
  files?.closeAllConnections();
  await new Promise<void>((resolve) => (files ? files.close(() => resolve()) : resolve()));
});

const longText = Array.from(
  { length: 40 },
  (_, i) => `Paragraph ${i} describes how the studio approves campaign visuals.`,
).join(" ");

describe("documents", () => {
  test("ingests a text document to READY with its chunks embedded", async () => {
    const doc = await ingest(h, editor, {
      workspaceId,
      title: "Approvals",
      text: longText,
      metadata: { team: "studio" },
    });
    expect(doc.status).toBe("READY");
    expect(doc.chunkCount).toBeGreaterThan(3);
    expect(doc.chunksEmbedded).toBe(doc.chunkCount);
    expect(doc.metadata).toEqual({ team: "studio" });
    const [{ count }] = await sql<{ count: string }>(
      `SELECT count(*) FROM knowledge."SemanticChunk" WHERE "documentId" = $1`,
      [doc.id],
    );
    expect(Number(count)).toBe(doc.chunkCount);
    expect(
      await h.service.services.store.count(h.service.services.collection, { tenantId: tenant, documentId: doc.id }),
    ).toBe(doc.chunkCount);
  });

  test("does not ingest the same content twice in a workspace", async () => {
    const input = { workspaceId, title: "Dup", mimeType: "text/plain", text: "Exactly the same words, twice." };
    const first = await h.gql(editor, CREATE, { input });
    const second = await h.gql(editor, CREATE, { input: { ...input, title: "Dup again" } });
    expect(first.data!.createDocument.created).toBe(true);
    expect(second.data!.createDocument.created).toBe(false);
    expect(second.data!.createDocument.document.id).toBe(first.data!.createDocument.document.id);
    const other = await h.gql(editor, CREATE, { input: { ...input, workspaceId: randomUUID() } });
    expect(other.data!.createDocument.created).toBe(true);
  });

  test("ingests a PDF sent as base64", async () => {
    const pdf = await makePdf(["Packaging research: recycled card tested best with parents."]);
    const doc = await ingest(h, editor, {
      workspaceId,
      title: "Packaging",
      mimeType: "application/pdf",
      contentBase64: Buffer.from(pdf).toString("base64"),
    });
    expect(doc.status).toBe("READY");
    expect(doc.chunkCount).toBe(1);
  });

  test("marks a document that fails to parse FAILED with a reason, and no chunk of it remains", async () => {
    const doc = await ingest(h, editor, {
      workspaceId,
      title: "Broken",
      mimeType: "application/pdf",
      contentBase64: Buffer.from("%PDF-1.4 garbage that no parser accepts").toString("base64"),
    });
    expect(doc.status).toBe("FAILED");
    expect(doc.error).toMatch(/could not parse application\/pdf/);
    const rows = await sql(`SELECT 1 FROM knowledge."SemanticChunk" WHERE "documentId" = $1`, [doc.id]);
    expect(rows).toHaveLength(0);
  });

  test("reports status and progress to READY, in order, through the catch-up query", async () => {
    const doc = await ingest(h, editor, {
      workspaceId,
      title: "Progress",
      text: `${longText} Extra closing line.`,
    });
    const res = await h.gql(
      editor,
      `query($id: ID!) { documentStatusEvents(documentId: $id) { sequence type status chunkCount chunksEmbedded document { id } } }`,
      { id: doc.id },
    );
    const events = res.data!.documentStatusEvents as {
      sequence: number;
      type: string;
      status: string;
      chunksEmbedded: number;
    }[];
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]).toMatchObject({ type: "CREATED", status: "PENDING" });
    expect(events[1]).toMatchObject({ type: "PROCESSING", status: "PROCESSING" });
    expect(events.at(-1)).toMatchObject({ type: "READY", status: "READY", chunksEmbedded: doc.chunkCount });
    const progress = events.filter((e) => e.type === "PROGRESS").map((e) => e.chunksEmbedded);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const after = await h.gql(
      editor,
      `query($id: ID!) { documentStatusEvents(documentId: $id, afterSequence: 2) { sequence } }`,
      { id: doc.id },
    );
    expect(after.data!.documentStatusEvents[0].sequence).toBe(3);
  });

  test("deletes a document with its chunks and vectors (counted, not assumed)", async () => {
    const doc = await ingest(h, editor, { workspaceId, title: "Doomed", text: `${longText} Doomed.` });
    const { store, collection } = h.service.services;
    expect(await store.count(collection, { tenantId: tenant, documentId: doc.id })).toBe(doc.chunkCount);
    const res = await h.gql(
      editor,
      `mutation($input: DocumentIdInput!) { deleteDocument(input: $input) { documentId chunksDeleted vectorsRemaining } }`,
      {
        input: { documentId: doc.id },
      },
    );
    expect(res.data!.deleteDocument).toEqual({
      documentId: doc.id,
      chunksDeleted: doc.chunkCount,
      vectorsRemaining: 0,
    });
    expect(await store.count(collection, { tenantId: tenant, documentId: doc.id })).toBe(0);
    expect(await sql(`SELECT 1 FROM knowledge."SemanticChunk" WHERE "documentId" = $1`, [doc.id])).toHaveLength(0);
    const search = await h.gql(
      editor,
      `query { semanticSearch(input: { query: "Doomed", mode: KEYWORD }) { chunk { id } document { id } } }`,
    );
    expect(search.data!.semanticSearch.filter((r: { document: { id: string } }) => r.document.id === doc.id)).toEqual(
      [],
    );
  });

  test("re-indexes a document back to READY with the same chunk count", async () => {
    const doc = await ingest(h, editor, { workspaceId, title: "Again", text: `${longText} Again.` });
    const res = await h.gql(
      editor,
      `mutation($input: DocumentIdInput!) { reindexDocument(input: $input) { document { status chunkCount } } }`,
      {
        input: { documentId: doc.id },
      },
    );
    expect(res.data!.reindexDocument.document).toEqual({ status: "PENDING", chunkCount: 0 });
    const ready = await waitFor(async () => {
      const r = await h.gql(editor, `query($id: ID!) { document(id: $id) { ${DOCUMENT_FIELDS} } }`, {
        id: doc.id,
      });
      return r.data!.document.status === "READY" ? r.data!.document : null;
    });
    expect(ready.chunkCount).toBe(doc.chunkCount);
  });

  test("fetches a document from a URI", async () => {
    const res = await h.gql(
      editor,
      `mutation($input: CreateDocumentFromUriInput!) { createDocumentFromUri(input: $input) { document { title mimeType status } } }`,
      {
        input: { workspaceId, uri: `${filesUrl}/brief.md` },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createDocumentFromUri.document).toMatchObject({ title: "brief.md", mimeType: "text/markdown" });
  });

  test.each([
    ["big.txt", /larger than 5000 bytes/],
    ["slow.txt", /no answer within 500 ms/],
    ["image.png", /unsupported content type image\/png/],
    ["missing", /answered 404/],
  ])("refuses a URI whose fetch breaks a limit (%s)", async (path, message) => {
    const res = await h.gql(
      editor,
      `mutation($input: CreateDocumentFromUriInput!) { createDocumentFromUri(input: $input) { document { id } } }`,
      {
        input: { workspaceId, uri: `${filesUrl}/${path}` },
      },
    );
    expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0]!.message).toMatch(message);
  });

  test("lists a workspace's documents through the Workspace entity, paged", async () => {
    const ws = randomUUID();
    for (const n of [1, 2, 3])
      await h.gql(editor, CREATE, {
        input: { workspaceId: ws, title: `W${n}`, mimeType: "text/plain", text: `Doc ${n}` },
      });
    const query = `query($reps: [_Any!]!, $after: String) { _entities(representations: $reps) { ... on Workspace { documents(first: 2, after: $after) { edges { cursor node { title } } pageInfo { hasNextPage endCursor } } } } }`;
    const page1 = await h.gql(editor, query, { reps: [{ __typename: "Workspace", id: ws }] });
    const conn1 = page1.data!._entities[0].documents;
    expect(conn1.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(["W3", "W2"]);
    expect(conn1.pageInfo.hasNextPage).toBe(true);
    const page2 = await h.gql(editor, query, {
      reps: [{ __typename: "Workspace", id: ws }],
      after: conn1.pageInfo.endCursor,
    });
    expect(page2.data!._entities[0].documents.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual([
      "W1",
    ]);
  });

  test("writes one audit event per mutation", async () => {
    const doc = await ingest(h, editor, { workspaceId, title: "Audited", text: "Audit me please." });
    await h.gql(editor, `mutation($input: DocumentIdInput!) { reindexDocument(input: $input) { document { id } } }`, {
      input: { documentId: doc.id },
    });
    await waitFor(
      async () =>
        (await h.gql(editor, `query($id: ID!) { document(id: $id) { status } }`, { id: doc.id })).data!.document
          .status === "READY",
    );
    await h.gql(editor, `mutation($input: DocumentIdInput!) { deleteDocument(input: $input) { documentId } }`, {
      input: { documentId: doc.id },
    });
    const rows = await sql<{ action: string; actor_id: string; tenant_id: string }>(
      `SELECT action, actor_id::text, tenant_id::text FROM audit.audit_events WHERE resource_id = $1 ORDER BY created_at, id`,
      [doc.id],
    );
    expect(rows.map((r) => r.action)).toEqual(["document.create", "document.reindex", "document.delete"]);
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([tenant]));
    expect(rows[0]!.actor_id).toBe((editor as { userId: string }).userId);
  });
});
