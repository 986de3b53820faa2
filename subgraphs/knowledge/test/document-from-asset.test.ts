import { createHash, randomUUID } from "node:crypto";
import { member, waitFor } from "@atelier/testing";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { makePdf } from "./document-files";
import { type KnowledgeSubgraph, knowledgeTest } from "./fixture";
import { type GatewayStub, startGatewayStub } from "./gateway-stub";
import { CREATE, DOCUMENT_FIELDS, settled } from "./ingest-document";

let gateway: GatewayStub;
let h: KnowledgeSubgraph;
const tenant = randomUUID();
const editor = member(tenant);
const workspaceId = randomUUID();

const FROM_ASSET = `mutation($input: CreateDocumentFromAssetInput!) {
  createDocumentFromAsset(input: $input) { created document { ${DOCUMENT_FIELDS} source asset { id } } }
}`;

function markdownAsset(text: string, extra: { tenantId?: string; ready?: boolean } = {}) {
  return gateway.put({
    tenantId: extra.tenantId ?? tenant,
    workspaceId,
    name: "brief.md",
    versions: [{ id: randomUUID(), mimeType: "text/markdown", bytes: Buffer.from(text), ready: extra.ready ?? true }],
  });
}

const settledDocument = (id: string) => settled(h, editor, id);

const handOver = (assetId: string, who = editor) => h.gql(who, FROM_ASSET, { input: { assetId } });

beforeAll(async () => {
  gateway = await startGatewayStub();
});
afterAll(() => gateway?.close());
const test = knowledgeTest.with({
  env: () => ({
    GATEWAY_URL: `${gateway.url}/graphql`,
    DELEGATION_PRIVATE_KEY: gateway.privateKey,
    ASSET_FETCH_ALLOWED_HOSTS: new URL(gateway.url).host,
    MAX_DOCUMENT_BYTES: "100000",
    INGEST_RETRY_LIMIT: "0",
  }),
});
test.beforeAll(({ subgraph }) => {
  h = subgraph;
});

describe("documents from creative assets", () => {
  test("reads the asset as the caller, fetches its bytes in the job and links document and asset", async () => {
    const text = "# Kiln guide\n\nFire the celadon glaze slowly to cone six.";
    const asset = markdownAsset(text);
    const res = await handOver(asset.id);
    expect(res.errors).toBeUndefined();
    const { created, document } = res.data!.createDocumentFromAsset;
    expect(created).toBe(true);
    expect(document).toMatchObject({
      source: "ASSET",
      title: "brief.md",
      workspaceId,
      checksum: null,
      asset: { id: asset.id },
    });
    const ready = await settledDocument(document.id);
    expect(ready).toMatchObject({ status: "READY", mimeType: "text/markdown" });
    expect(ready.checksum).toBe(createHash("sha256").update(text).digest("hex"));
    const entities = await h.gql(
      editor,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Asset { knowledgeDocuments { id status } } } }`,
      { r: [{ __typename: "Asset", id: asset.id }] },
    );
    expect(entities.data!._entities).toEqual([{ knowledgeDocuments: [{ id: document.id, status: "READY" }] }]);
    const search = await h.gql(
      editor,
      `query { semanticSearch(input: { query: "celadon glaze", mode: KEYWORD }) { document { id } } }`,
    );
    expect(search.data!.semanticSearch.map((r: { document: { id: string } }) => r.document.id)).toContain(document.id);
  });

  test("returns the same document when the same version is handed over again", async () => {
    const asset = markdownAsset("Handed over twice.");
    const first = await handOver(asset.id);
    const second = await handOver(asset.id);
    expect(second.data!.createDocumentFromAsset).toMatchObject({
      created: false,
      document: { id: first.data!.createDocumentFromAsset.document.id },
    });
  });

  test("re-indexes from the content it kept, without reading or downloading the asset again", async () => {
    const asset = markdownAsset("# Glaze log\n\nShino glaze crawled at cone ten.");
    const { document } = (await handOver(asset.id)).data!.createDocumentFromAsset;
    expect((await settledDocument(document.id)).status).toBe("READY");
    const before = { reads: gateway.reads, downloads: gateway.downloads };
    const reindex = await h.gql(
      editor,
      `mutation($input: DocumentIdInput!) { reindexDocument(input: $input) { document { id } } }`,
      { input: { documentId: document.id } },
    );
    expect(reindex.errors).toBeUndefined();
    await waitFor(
      async () => {
        const r = await h.gql(editor, `query($id: ID!) { document(id: $id) { status chunkCount } }`, {
          id: document.id,
        });
        return r.data?.document.status === "READY" && r.data.document.chunkCount > 0 ? true : null;
      },
      30_000,
      "the re-index to finish",
    );
    expect({ reads: gateway.reads, downloads: gateway.downloads }).toEqual(before);
  });

  test("ingests a PDF asset", async () => {
    const asset = gateway.put({
      tenantId: tenant,
      workspaceId,
      name: "specs.pdf",
      versions: [
        {
          id: randomUUID(),
          mimeType: "application/pdf",
          bytes: Buffer.from(await makePdf(["Stoneware specs"])),
          ready: true,
        },
      ],
    });
    const res = await handOver(asset.id);
    expect(await settledDocument(res.data!.createDocumentFromAsset.document.id)).toMatchObject({
      status: "READY",
      mimeType: "application/pdf",
    });
  });

  test("resolves a fresh download URL through the gateway when the first one has expired", async () => {
    gateway.expireFirstUrls = true;
    try {
      const asset = markdownAsset("A URL that expired before the job ran.");
      const before = gateway.reads;
      const res = await handOver(asset.id);
      expect((await settledDocument(res.data!.createDocumentFromAsset.document.id)).status).toBe("READY");
      expect(gateway.reads - before).toBe(2);
    } finally {
      gateway.expireFirstUrls = false;
    }
  });

  test("fails the document, with the reason, when the asset is gone by the time its URL must be renewed", async () => {
    gateway.expireFirstUrls = true;
    try {
      const asset = markdownAsset("Deleted right after the hand-over.");
      const res = await handOver(asset.id);
      gateway.assets.delete(asset.id);
      const doc = await settledDocument(res.data!.createDocumentFromAsset.document.id);
      expect(doc).toMatchObject({
        status: "FAILED",
        error: "the asset is gone, or no longer visible to whoever handed it over",
      });
    } finally {
      gateway.expireFirstUrls = false;
    }
  });

  test("fails the document whose bytes are already another document of the workspace", async () => {
    const text = "Exactly the same words, twice.";
    const inline = await h.gql(editor, CREATE, {
      input: { workspaceId, title: "Inline", mimeType: "text/plain", text },
    });
    const twin = inline.data!.createDocument.document.id;
    const res = await handOver(markdownAsset(text).id);
    const doc = await settledDocument(res.data!.createDocumentFromAsset.document.id);
    expect(doc.status).toBe("FAILED");
    expect(doc.error).toBe(`the same content is already document ${twin} ("Inline") of this workspace`);
  });

  test("refuses an asset it cannot ingest, one without bytes, one too large and one it cannot see", async () => {
    const png = gateway.put({
      tenantId: tenant,
      workspaceId,
      name: "logo.png",
      versions: [{ id: randomUUID(), mimeType: "image/png", bytes: Buffer.alloc(10), ready: true }],
    });
    const codes = async (assetId: string) =>
      (await handOver(assetId)).errors?.map((e) => [e.extensions?.code, e.message]);
    expect(await codes(png.id)).toEqual([["BAD_USER_INPUT", expect.stringMatching(/image\/png cannot be ingested/)]]);
    expect(await codes(markdownAsset("pending", { ready: false }).id)).toEqual([
      ["BAD_USER_INPUT", "assetId: the asset has no uploaded version yet"],
    ]);
    expect(await codes(markdownAsset("x".repeat(100_001)).id)).toEqual([
      ["BAD_USER_INPUT", expect.stringMatching(/larger than/)],
    ]);
    expect(await codes(randomUUID())).toEqual([["NOT_FOUND", expect.stringMatching(/not found/)]]);
  });

  test("lets no VIEWER hand an asset over", async () => {
    const res = await handOver(markdownAsset("viewers only read").id, member(tenant, "VIEWER"));
    expect(res.errors![0]!.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("documents from assets across tenants", () => {
  test("gives a second tenant neither the asset nor the documents made from it", async () => {
    const asset = markdownAsset("Tenant one's brief.");
    const first = await handOver(asset.id);
    await settledDocument(first.data!.createDocumentFromAsset.document.id);
    const stranger = member(randomUUID());
    const refused = await handOver(asset.id, stranger);
    expect(refused.errors![0]!.extensions?.code).toBe("NOT_FOUND");
    const entities = await h.gql(
      stranger,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Asset { knowledgeDocuments { id } } } }`,
      { r: [{ __typename: "Asset", id: asset.id }] },
    );
    expect(entities.data!._entities).toEqual([{ knowledgeDocuments: [] }]);
  });
});

describe("without gateway credentials", () => {
  test("says documents cannot be made from assets here", async () => {
    const bare = await knowledgeTest.start();
    try {
      const res = await bare.gql(editor, FROM_ASSET, { input: { assetId: randomUUID() } });
      expect(res.errors![0]!.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      await bare.stop();
    }
  });
});

describe("workspace references", () => {
  test("refuses another tenant's workspace, and one creative does not know, with NOT_FOUND", async () => {
    const theirs = randomUUID();
    gateway.put({ tenantId: randomUUID(), workspaceId: theirs, name: "x.md", versions: [] });
    for (const target of [theirs, randomUUID()]) {
      const inline = await h.gql(editor, CREATE, {
        input: { workspaceId: target, title: "Planted", mimeType: "text/plain", text: "planted" },
      });
      expect(inline.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const fromUri = await h.gql(
        editor,
        `mutation($input: CreateDocumentFromUriInput!) { createDocumentFromUri(input: $input) { document { id } } }`,
        { input: { workspaceId: target, uri: "http://127.0.0.1:9/never-fetched.md" } },
      );
      expect(fromUri.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
  });

  test("asks creative once per tenant and workspace while the answer is fresh", async () => {
    const before = gateway.workspaceChecks;
    for (const title of ["One", "Two"]) {
      const res = await h.gql(editor, CREATE, {
        input: { workspaceId, title, mimeType: "text/plain", text: `${title} ${randomUUID()}` },
      });
      expect(res.errors).toBeUndefined();
    }
    expect(gateway.workspaceChecks - before).toBeLessThanOrEqual(1);
  });
});
