import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, ok, signUp } from "./support/client";
import { type Stack, startStack } from "./support/stack";

const CREATE_WORKSPACE = `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } } }`;
const UPLOAD = `mutation($input: CreateAssetUploadInput!) {
  createAssetUpload(input: $input) { asset { id } version { id } upload { url method headers } } }`;
const COMPLETE = `mutation($v: ID!) { completeAssetUpload(input: { versionId: $v }) { asset { id } } }`;
const HAND_OVER = `mutation($a: ID!) {
  handAssetToKnowledge(input: { assetId: $a }) { asset { id knowledgeHandoffAt knowledgeDocuments { id source } } } }`;
const FROM_ASSET = `mutation($a: ID!) { createDocumentFromAsset(input: { assetId: $a }) { created document { id } } }`;
const ASSET_DOCUMENTS = `query($a: ID!) {
  asset(id: $a) { knowledgeDocuments { id status error chunkCount workspaceId asset { name } } } }`;
const SEARCH = `query($q: String!) {
  semanticSearch(input: { query: $q, mode: HYBRID, limit: 5 }) { highlight document { id title asset { id name } } } }`;
const DOCUMENT = `query($id: ID!) { document(id: $id) { id } }`;

const BRIEF = `# Harbour lights campaign

The autumn campaign shows the old harbour at dusk. Lanterns glow amber over wet cobblestones,
and the fishing boats come home under a violet sky.

## Tone

Quiet, warm and unhurried: no slogans shouted, every caption under twelve words.`;

describe("a creative asset handed to knowledge, through the real gateway", () => {
  let stack: Stack;
  let url: string;
  beforeAll(async () => {
    stack = await startStack();
    url = stack.url();
  });
  afterAll(() => stack?.close());

  /** Uploads a Markdown asset through creative's signed-URL upload flow. */
  async function uploadMarkdown(token: string, workspaceId: string, text: string) {
    const bytes = Buffer.from(text);
    const input = { workspaceId, name: "harbour-brief.md", mimeType: "text/markdown", sizeBytes: bytes.length };
    const slot = (await ok(url, UPLOAD, { input }, token)).createAssetUpload;
    const put = await fetch(slot.upload.url, { method: slot.upload.method, headers: slot.upload.headers, body: bytes });
    expect(put.status).toBe(200);
    await ok(url, COMPLETE, { v: slot.version.id }, token);
    return slot.asset.id as string;
  }

  it("ingests the asset to READY, finds it by meaning, and keeps it from a second tenant", async () => {
    const owner = await signUp(url, "Harbour");
    const workspaceId = (await ok(url, CREATE_WORKSPACE, { input: { name: "Harbour" } }, owner.token)).createWorkspace
      .workspace.id;
    const assetId = await uploadMarkdown(owner.token, workspaceId, BRIEF);

    const handed = (await ok(url, HAND_OVER, { a: assetId }, owner.token)).handAssetToKnowledge.asset;
    expect(handed.knowledgeHandoffAt).toBeTruthy();
    expect(handed.knowledgeDocuments).toEqual([{ id: expect.any(String), source: "ASSET" }]);
    const documentId = handed.knowledgeDocuments[0].id as string;

    await expect
      .poll(
        async () => (await ok(url, ASSET_DOCUMENTS, { a: assetId }, owner.token)).asset.knowledgeDocuments[0].status,
        {
          timeout: 60_000,
          interval: 250,
        },
      )
      .toBe("READY");
    const [document] = (await ok(url, ASSET_DOCUMENTS, { a: assetId }, owner.token)).asset.knowledgeDocuments;
    expect(document).toMatchObject({ id: documentId, workspaceId, error: null, asset: { name: "harbour-brief.md" } });
    expect(document.chunkCount).toBeGreaterThan(0);

    const hits = (await ok(url, SEARCH, { q: "lanterns over the harbour at dusk" }, owner.token)).semanticSearch;
    expect(hits[0].document).toEqual({
      id: documentId,
      title: "harbour-brief.md",
      asset: { id: assetId, name: "harbour-brief.md" },
    });
    expect(hits[0].highlight).toMatch(/<mark>/);

    // The same version handed over again is the same document.
    const again = (await ok(url, FROM_ASSET, { a: assetId }, owner.token)).createDocumentFromAsset;
    expect(again).toEqual({ created: false, document: { id: documentId } });

    const stranger = await signUp(url, "Elsewhere");
    const codeOf = async (query: string) =>
      (await gql(url, query, { a: assetId }, stranger.token)).errors?.[0]?.extensions?.code;
    expect(await codeOf(HAND_OVER)).toBe("NOT_FOUND");
    expect(await codeOf(FROM_ASSET)).toBe("NOT_FOUND");
    expect((await ok(url, DOCUMENT, { id: documentId }, stranger.token)).document).toBeNull();
    expect((await ok(url, `query($a: ID!) { asset(id: $a) { id } }`, { a: assetId }, stranger.token)).asset).toBeNull();
    const strangerHits = (await ok(url, SEARCH, { q: "lanterns over the harbour at dusk" }, stranger.token))
      .semanticSearch;
    expect(strangerHits.map((h: { document: { id: string } }) => h.document.id)).not.toContain(documentId);
  });
});
