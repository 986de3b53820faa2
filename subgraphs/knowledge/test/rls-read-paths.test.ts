import { randomUUID } from "node:crypto";
import type { Identity } from "@atelier/internal-auth";
import { callerFor, member } from "@atelier/testing";
import pg from "pg";
import { describe, expect } from "vitest";
import { loadKnowledgeConfig } from "../src/config";
import { createKnowledgeService, type KnowledgeService } from "../src/server";
import { knowledgeTest as test } from "./fixture";
import { ingest } from "./ingest-document";

// Every read path of the subgraph, for tenant A, with tenant B's rows present and row-level
// security FORCED on every tenant-scoped table while the service connects as the tables' owner
// (not a superuser, who would bypass it). A read that escapes its tenant scope then runs with
// `app.tenant_id` unset and sees none of A's rows: these assertions catch it.

const TABLES = [`knowledge."Document"`, `knowledge."SemanticChunk"`, `knowledge.stream_events`];
const OWNER = "knowledge_rls_owner";

let admin: pg.Pool;
let service: KnowledgeService;
const tenantA = randomUUID();
const tenantB = randomUUID();
const alice = member(tenantA, "VIEWER");
const aliceEditor = member(tenantA);
const bobEditor = member(tenantB);
const workspaceA = randomUUID();
const workspaceB = randomUUID();
const assetA = randomUUID();
const assetB = randomUUID();
const docsA: string[] = [];
const docsB: string[] = [];

/** The database as the service's own (non-superuser) owner role sees it. */
function ownerUrl(url: string): string {
  const u = new URL(url);
  u.username = OWNER;
  u.password = "";
  return u.toString();
}

/** Makes a non-superuser role own knowledge's tables, and binds it to their policies too. */
async function forceRowLevelSecurity(client: pg.Pool, database: string) {
  await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${OWNER}') THEN CREATE ROLE ${OWNER} LOGIN; END IF;
    END $$`);
  await client.query(`GRANT atelier_app TO ${OWNER}`);
  await client.query(`GRANT CONNECT, CREATE ON DATABASE "${database}" TO ${OWNER}`);
  await client.query(`ALTER SCHEMA knowledge OWNER TO ${OWNER}`);
  await client.query(`ALTER TABLE knowledge._prisma_migrations OWNER TO ${OWNER}`);
  for (const table of TABLES) {
    await client.query(`ALTER TABLE ${table} OWNER TO ${OWNER}`);
    await client.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  }
}

/** A document made from a creative asset (its job is not run: the row is what is read). */
async function insertAssetDocument(tenantId: string, workspaceId: string, assetId: string): Promise<string> {
  const id = randomUUID();
  await admin.query(
    `INSERT INTO knowledge."Document" (id, "tenantId", "workspaceId", title, "mimeType", source, "sourceAssetId",
       "sourceAssetVersionId", metadata, content, "sizeBytes", "embeddingModel", "updatedAt")
     VALUES ($1, $2, $3, 'From an asset', 'text/plain', 'ASSET', $4, $5, '{}', ''::bytea, 0, 'none', now())`,
    [id, tenantId, workspaceId, assetId, randomUUID()],
  );
  return id;
}

/** Calls the service bound by forced RLS (not the fixture's, which connects as a superuser). */
const gql = (to: KnowledgeService, who: Identity, query: string, variables: Record<string, unknown> = {}) =>
  callerFor(to.url, who).gql(query, variables);

test.beforeAll(async ({ subgraph }) => {
  admin = subgraph.sql;
  await forceRowLevelSecurity(admin, subgraph.db.name);
  service = await createKnowledgeService(
    loadKnowledgeConfig({ ...subgraph.env, DATABASE_URL: ownerUrl(subgraph.db.url), URI_FETCH_ALLOW_PRIVATE: "false" }),
  );
  const bound = {
    gql: (who: Identity, query: string, variables?: Record<string, unknown>) => gql(service, who, query, variables),
  };
  const text = (who: string, n: number) =>
    `Quarterly tangerine palette review ${n} for ${who}: teal accents and warm type.`;
  for (let n = 0; n < 2; n++) {
    const a = await ingest(bound, aliceEditor, { workspaceId: workspaceA, title: `A ${n}`, text: text("alpha", n) });
    const b = await ingest(bound, bobEditor, { workspaceId: workspaceB, title: `B ${n}`, text: text("beta", n) });
    expect([a.status, b.status]).toEqual(["READY", "READY"]);
    docsA.push(a.id);
    docsB.push(b.id);
  }
  docsA.push(await insertAssetDocument(tenantA, workspaceA, assetA));
  docsB.push(await insertAssetDocument(tenantB, workspaceB, assetB));
});

test.afterAll(async () => {
  await service?.stop();
});

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

describe("read paths under forced row-level security", () => {
  test("binds the service's own role: outside a tenant scope it reads none of the rows", async ({ db }) => {
    const owner = new pg.Client({ connectionString: ownerUrl(db.url) });
    await owner.connect();
    try {
      for (const table of TABLES) {
        const { rows } = await owner.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect(rows[0].n, table).toBe(0);
      }
    } finally {
      await owner.end();
    }
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM knowledge."Document"`);
    expect(rows[0].n).toBe(docsA.length + docsB.length);
  });

  test("Query.document: each of A's documents, none of B's", async () => {
    for (const id of docsA) {
      const res = await gql(service, alice, `query($id: ID!) { document(id: $id) { id asset { id } } }`, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.document.id).toBe(id);
    }
    for (const id of docsB) {
      const res = await gql(service, alice, `query($id: ID!) { document(id: $id) { id } }`, { id });
      expect(res.data!.document).toBeNull();
    }
  });

  test("_entities Document (__resolveReference): A's resolve, B's are null", async () => {
    const res = await gql(
      service,
      alice,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Document { id title } } }`,
      { r: [...docsA, ...docsB].map((id) => ({ __typename: "Document", id })) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((e: { id: string } | null) => e?.id ?? null)).toEqual([
      ...docsA,
      ...docsB.map(() => null),
    ]);
  });

  test("Workspace.documents: all of A's workspace, nothing of B's", async () => {
    const res = await gql(
      service,
      alice,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Workspace { documents(first: 50) { edges { node { id } } } } } }`,
      {
        r: [
          { __typename: "Workspace", id: workspaceA },
          { __typename: "Workspace", id: workspaceB },
        ],
      },
    );
    expect(res.errors).toBeUndefined();
    const [a, b] = res.data!._entities;
    expect(ids(a.documents.edges.map((e: { node: { id: string } }) => e.node))).toEqual([...docsA].sort());
    expect(b.documents.edges).toEqual([]);
  });

  test("Asset.knowledgeDocuments (loader): A's asset's documents, none for B's", async () => {
    const res = await gql(
      service,
      alice,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Asset { id knowledgeDocuments { id } } } }`,
      {
        r: [
          { __typename: "Asset", id: assetA },
          { __typename: "Asset", id: assetB },
        ],
      },
    );
    expect(res.errors).toBeUndefined();
    const [a, b] = res.data!._entities;
    expect(a.knowledgeDocuments.map((d: { id: string }) => d.id)).toEqual([docsA.at(-1)]);
    expect(b.knowledgeDocuments).toEqual([]);
  });

  test("Query.documentStatusEvents with DocumentStatusEvent.document: A's stream, B's is NOT_FOUND", async () => {
    const res = await gql(
      service,
      alice,
      `query($id: ID!) { documentStatusEvents(documentId: $id) { sequence type status document { id } } }`,
      { id: docsA[0] },
    );
    expect(res.errors).toBeUndefined();
    const events = res.data!.documentStatusEvents;
    expect(events.map((e: { type: string }) => e.type)).toEqual(["CREATED", "PROCESSING", "PROGRESS", "READY"]);
    for (const event of events) expect(event.document.id).toBe(docsA[0]);
    const other = await gql(service, alice, `query($id: ID!) { documentStatusEvents(documentId: $id) { sequence } }`, {
      id: docsB[0],
    });
    expect(other.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  test.each(["DENSE", "KEYWORD", "HYBRID"])(
    "semanticSearch %s (hits, SearchResult.document, filters): A's chunks only",
    async (mode) => {
      const search = `query($input: SemanticSearchInput!) { semanticSearch(input: $input) { chunk { id text } highlight document { id workspaceId } } }`;
      for (const filter of [null, { mimeTypes: ["text/plain"] }, { documentIds: [...docsA, ...docsB] }]) {
        const res = await gql(service, alice, search, {
          input: { query: "tangerine palette review teal", mode, limit: 50, filter },
        });
        expect(res.errors).toBeUndefined();
        const found = res.data!.semanticSearch as { chunk: { text: string }; document: { id: string } }[];
        expect([...new Set(found.map((r) => r.document.id))].sort()).toEqual(docsA.slice(0, 2).sort());
        for (const hit of found) expect(hit.chunk.text).toContain("alpha");
      }
    },
  );
});
