import { randomUUID } from "node:crypto";
import { member } from "@atelier/testing";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { type CreativeSubgraph, creativeTest } from "./fixture";
import { startKnowledgeGatewayStub } from "./knowledge-gateway-stub";
import { makeWorkspace } from "./seeds";

const HAND_OVER = `mutation($a: ID!) { handAssetToKnowledge(input: { assetId: $a }) { asset { id knowledgeHandoffAt } } }`;

let knowledge: Awaited<ReturnType<typeof startKnowledgeGatewayStub>>;
let creative: CreativeSubgraph;

/** An uploaded asset (bytes stored, version READY) through creative's own upload flow. */
async function uploaded(who: ReturnType<typeof member>, workspaceId: string, mimeType: string, text: string) {
  const bytes = Buffer.from(text);
  const slot = await creative.ok<{
    createAssetUpload: { asset: { id: string }; version: { id: string }; upload: { url: string } };
  }>(
    who,
    `mutation($i: CreateAssetUploadInput!) { createAssetUpload(input: $i) { asset { id } version { id } upload { url } } }`,
    { i: { workspaceId, name: "brief", mimeType, sizeBytes: bytes.length } },
  );
  const put = await fetch(slot.createAssetUpload.upload.url, {
    method: "PUT",
    body: bytes,
    headers: { "content-type": mimeType },
  });
  expect(put.status).toBe(200);
  await creative.ok(who, `mutation($v: ID!) { completeAssetUpload(input: { versionId: $v }) { asset { id } } }`, {
    v: slot.createAssetUpload.version.id,
  });
  return slot.createAssetUpload.asset.id;
}

beforeAll(async () => {
  knowledge = await startKnowledgeGatewayStub();
});
afterAll(() => knowledge?.close());
const test = creativeTest.with({
  env: () => ({ RUN_WORKER: "false", GATEWAY_URL: knowledge.url, DELEGATION_PRIVATE_KEY: knowledge.privateKey }),
});
test.beforeAll(({ subgraph }) => {
  creative = subgraph;
});

describe("handing an asset to knowledge", () => {
  test("calls knowledge through the gateway as the caller, naming only createDocumentFromAsset", async () => {
    const who = member(randomUUID());
    const assetId = await uploaded(who, await makeWorkspace(creative, who), "text/markdown", "# Brief");
    knowledge.answer = "document";
    const handed = await creative.ok<{ handAssetToKnowledge: { asset: { knowledgeHandoffAt: string } } }>(
      who,
      HAND_OVER,
      { a: assetId },
    );
    expect(handed.handAssetToKnowledge.asset.knowledgeHandoffAt).toBeTruthy();
    const call = knowledge.calls.at(-1)!;
    expect(call.delegation).toMatchObject({
      service: "creative",
      actor: {
        kind: "user",
        userId: (who as { userId: string }).userId,
        tenantId: (who as { tenantId: string }).tenantId,
      },
      fields: ["Mutation.createDocumentFromAsset"],
    });
    expect(call.variables).toEqual({ input: { assetId } });
    const { rows } = await creative.sql.query(
      `SELECT changes FROM audit.audit_events WHERE action = 'asset.knowledge_handoff' AND resource_id = $1`,
      [assetId],
    );
    expect(rows[0].changes).toMatchObject({ mimeType: "text/markdown", created: true, documentId: expect.any(String) });
  });

  test("keeps knowledge's refusal code, says SERVICE_UNAVAILABLE when it is down, and records no hand-off", async () => {
    const who = member(randomUUID());
    const assetId = await uploaded(who, await makeWorkspace(creative, who), "application/pdf", "%PDF-1.4");
    const attempt = async (answer: "refuse" | "outage") => {
      knowledge.answer = answer;
      return (await creative.gql(who, HAND_OVER, { a: assetId })).errors![0]!;
    };
    expect(await attempt("refuse")).toMatchObject({
      message: "Knowledge did not take the asset: assetId: text/csv cannot be ingested",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await attempt("outage")).toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" } });
    const asset = await creative.ok<{ asset: { knowledgeHandoffAt: string | null } }>(
      who,
      `query($a: ID!) { asset(id: $a) { knowledgeHandoffAt } }`,
      { a: assetId },
    );
    expect(asset.asset.knowledgeHandoffAt).toBeNull();
  });

  test("refuses a non-document and a document without uploaded bytes before asking knowledge", async () => {
    const who = member(randomUUID());
    const workspaceId = await makeWorkspace(creative, who);
    const png = await uploaded(who, workspaceId, "image/png", "not really a png");
    const pending = await creative.ok<{ createAssetUpload: { asset: { id: string } } }>(
      who,
      `mutation($i: CreateAssetUploadInput!) { createAssetUpload(input: $i) { asset { id } } }`,
      { i: { workspaceId, name: "later.pdf", mimeType: "application/pdf", sizeBytes: 5 } },
    );
    const before = knowledge.calls.length;
    const pngError = (await creative.gql(who, HAND_OVER, { a: png })).errors![0]!;
    expect(pngError).toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      message: expect.stringMatching(/Only documents/),
    });
    const pendingError = (await creative.gql(who, HAND_OVER, { a: pending.createAssetUpload.asset.id })).errors![0]!;
    expect(pendingError.message).toMatch(/no uploaded version yet/);
    expect(knowledge.calls.length).toBe(before);
  });

  test("refuses another tenant's asset without asking knowledge", async () => {
    const owner = member(randomUUID());
    const assetId = await uploaded(owner, await makeWorkspace(creative, owner), "text/plain", "secret plan");
    const before = knowledge.calls.length;
    const res = await creative.gql(member(randomUUID()), HAND_OVER, { a: assetId });
    expect(res.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect(knowledge.calls.length).toBe(before);
  });
});

describe("download URLs", () => {
  test("are signed for the lifetime asked, within 30 s to an hour", async () => {
    const who = member(randomUUID());
    const assetId = await uploaded(who, await makeWorkspace(creative, who), "text/plain", "hello");
    const url = async (seconds: number) =>
      creative.gql<{ asset: { latestVersion: { downloadUrl: string } } }>(
        who,
        `query($a: ID!, $s: Int) { asset(id: $a) { latestVersion { downloadUrl(expiresInSeconds: $s) } } }`,
        { a: assetId, s: seconds },
      );
    const ok = await url(600);
    const expires = Number(new URL(ok.data!.asset.latestVersion.downloadUrl).searchParams.get("expires"));
    expect(expires - Date.now() / 1000).toBeGreaterThan(590);
    expect(expires - Date.now() / 1000).toBeLessThanOrEqual(600);
    expect(await (await fetch(ok.data!.asset.latestVersion.downloadUrl)).text()).toBe("hello");
    expect((await url(7200)).errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });
});
