import { randomUUID } from "node:crypto";
import { member } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type KnowledgeSubgraph, knowledgeTest as test } from "./fixture";
import { CREATE, ingest } from "./ingest-document";

let h: KnowledgeSubgraph;
const tenantA = randomUUID();
const tenantB = randomUUID();
const alice = member(tenantA);
const bob = member(tenantB, "OWNER");
const workspaceA = randomUUID();
let docA: { id: string; chunkCount: number };
const SECRET = "Zanzibar moodboard: the confidential tangerine palette for the Orion launch.";

test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  docA = await ingest(h, alice, {
    workspaceId: workspaceA,
    title: "Secret palette",
    text: SECRET,
    metadata: { team: "orion" },
  });
  // Tenant B holds a similar document, so its searches have something to find.
  await ingest(h, bob, {
    workspaceId: randomUUID(),
    title: "B palette",
    text: "Our public palette uses tangerine and teal.",
  });
});

const SEARCH = `query($input: SemanticSearchInput!) { semanticSearch(input: $input) { chunk { id text } document { id } } }`;

describe("a second tenant", () => {
  test.each(["DENSE", "KEYWORD", "HYBRID"])("never sees the first tenant's chunks in %s mode", async (mode) => {
    const asA = await h.gql(alice, SEARCH, { input: { query: "Zanzibar tangerine palette Orion", mode } });
    expect(asA.data!.semanticSearch.map((r: { document: { id: string } }) => r.document.id)).toContain(docA.id);
    const asB = await h.gql(bob, SEARCH, { input: { query: "Zanzibar tangerine palette Orion", mode } });
    expect(asB.errors).toBeUndefined();
    expect(asB.data!.semanticSearch.length).toBeGreaterThan(0);
    expect(JSON.stringify(asB.data)).not.toContain("Zanzibar");
    expect(asB.data!.semanticSearch.map((r: { document: { id: string } }) => r.document.id)).not.toContain(docA.id);
  });

  test("finds nothing even when naming the first tenant's document and workspace in the filter", async () => {
    for (const mode of ["DENSE", "KEYWORD", "HYBRID"]) {
      const res = await h.gql(bob, SEARCH, {
        input: { query: "Zanzibar", mode, filter: { documentIds: [docA.id], workspaceId: workspaceA } },
      });
      expect(res.data!.semanticSearch).toEqual([]);
    }
  });

  test("cannot read the document by id, as an entity, or its status events", async () => {
    expect(
      (await h.gql(bob, `query($id: ID!) { document(id: $id) { id } }`, { id: docA.id })).data!.document,
    ).toBeNull();
    const entity = await h.gql(
      bob,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Document { id title } } }`,
      {
        r: [{ __typename: "Document", id: docA.id }],
      },
    );
    expect(entity.data!._entities).toEqual([null]);
    const events = await h.gql(bob, `query($id: ID!) { documentStatusEvents(documentId: $id) { sequence } }`, {
      id: docA.id,
    });
    expect(events.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const list = await h.gql(
      bob,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Workspace { documents { edges { node { id } } } } } }`,
      {
        r: [{ __typename: "Workspace", id: workspaceA }],
      },
    );
    expect(list.data!._entities[0].documents.edges).toEqual([]);
  });

  test("cannot re-index or delete the document, and nothing changes", async () => {
    for (const field of [
      "reindexDocument(input: $input) { document { id } }",
      "deleteDocument(input: $input) { documentId }",
    ]) {
      const res = await h.gql(bob, `mutation($input: DocumentIdInput!) { ${field} }`, {
        input: { documentId: docA.id },
      });
      expect(res.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    }
    const still = await h.gql(alice, `query($id: ID!) { document(id: $id) { status chunkCount } }`, {
      id: docA.id,
    });
    expect(still.data!.document).toEqual({ status: "READY", chunkCount: docA.chunkCount });
    const { store, collection } = h.service.services;
    expect(await store.count(collection, { tenantId: tenantA, documentId: docA.id })).toBe(docA.chunkCount);
  });

  test("gets its own document for the same content, not the first tenant's (checksums are per tenant)", async () => {
    const res = await h.gql(bob, CREATE, {
      input: { workspaceId: workspaceA, title: "Copy", mimeType: "text/plain", text: SECRET },
    });
    expect(res.data!.createDocument.created).toBe(true);
    expect(res.data!.createDocument.document.id).not.toBe(docA.id);
  });

  test("is refused without an active tenant", async () => {
    const drifter = {
      kind: "user" as const,
      userId: randomUUID(),
      tenantId: null,
      role: null,
      sessionId: null,
      scopes: [],
    };
    const res = await h.gql(drifter, SEARCH, { input: { query: "Zanzibar" } });
    expect(res.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });
});
