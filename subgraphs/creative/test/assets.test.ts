import { randomUUID } from "node:crypto";
import { member } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type CreativeSubgraph, creativeTest } from "./fixture";
import { makeProject, makeWorkspace } from "./seeds";

const UPLOAD = `mutation($i: CreateAssetUploadInput!) { createAssetUpload(input: $i) {
  asset { id type accessLevel } version { id versionNumber status } upload { url method headers expiresAt } } }`;
const VERSION = `mutation($i: CreateAssetVersionUploadInput!) { createAssetVersionUpload(input: $i) {
  version { id versionNumber } upload { url method headers } } }`;
const COMPLETE = `mutation($v: ID!) { completeAssetUpload(input: { versionId: $v }) { asset { id } } }`;
const ASSET = `query($id: ID!) { asset(id: $id) { id name accessLevel versions { versionNumber status sizeBytes stateData downloadUrl } } }`;

type Upload = {
  createAssetUpload: {
    asset: { id: string };
    version: { id: string };
    upload: { url: string; headers: Record<string, string> };
  };
};

const put = (url: string, body: Buffer, type = "image/png") =>
  fetch(url, { method: "PUT", body, headers: { "content-type": type } });

const test = creativeTest.with({
  env: { RUN_WORKER: "false", ASSET_QUOTA_BYTES: "1000", SIGNED_URL_TTL_SECONDS: "2" },
});

describe("assets, versions and storage", () => {
  let creative: CreativeSubgraph;
  test.beforeAll(async ({ subgraph }) => {
    creative = subgraph;
  });

  async function upload(
    who: ReturnType<typeof member>,
    workspaceId: string,
    bytes: Buffer,
    extra: Record<string, unknown> = {},
  ) {
    const data = await creative.ok<Upload>(who, UPLOAD, {
      i: { workspaceId, name: "logo.png", mimeType: "image/png", sizeBytes: bytes.length, ...extra },
    });
    return data.createAssetUpload;
  }

  test("uploads and downloads through signed URLs, with numbered versions and state data", async () => {
    const tenant = randomUUID();
    const who = member(tenant);
    const workspaceId = await makeWorkspace(creative, who);
    const bytes = Buffer.from("first version bytes");
    const slot = await upload(who, workspaceId, bytes, { stateData: { layers: 1 } });
    expect((await put(slot.upload.url, bytes)).status).toBe(200);
    await creative.ok(who, COMPLETE, { v: slot.version.id });
    const v2bytes = Buffer.from("second version!");
    const v2 = await creative.ok<{
      createAssetVersionUpload: { version: { id: string; versionNumber: number }; upload: { url: string } };
    }>(who, VERSION, {
      i: { assetId: slot.asset.id, sizeBytes: v2bytes.length, stateData: { layers: 2 }, description: "darker" },
    });
    expect(v2.createAssetVersionUpload.version.versionNumber).toBe(2);
    expect((await put(v2.createAssetVersionUpload.upload.url, v2bytes)).status).toBe(200);
    await creative.ok(who, COMPLETE, { v: v2.createAssetVersionUpload.version.id });
    const asset = await creative.ok<{
      asset: {
        versions: {
          versionNumber: number;
          status: string;
          sizeBytes: number;
          stateData: unknown;
          downloadUrl: string;
        }[];
      };
    }>(who, ASSET, { id: slot.asset.id });
    expect(asset.asset.versions.map((v) => [v.versionNumber, v.status, v.sizeBytes, v.stateData])).toEqual([
      [1, "READY", bytes.length, { layers: 1 }],
      [2, "READY", v2bytes.length, { layers: 2 }],
    ]);
    const got = await fetch(asset.asset.versions[1]!.downloadUrl);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await got.arrayBuffer()).toString()).toBe("second version!");
    const { rows } = await creative.sql.query(
      `SELECT count(*)::int AS n FROM creative.asset_versions WHERE "assetId" = $1 GROUP BY "versionNumber" HAVING count(*) > 1`,
      [slot.asset.id],
    );
    expect(rows).toHaveLength(0);
  });

  test("refuses tampered signed URLs, wrong sizes, and completing before the bytes arrive", async () => {
    const who = member(randomUUID());
    const workspaceId = await makeWorkspace(creative, who);
    const bytes = Buffer.from("0123456789");
    const slot = await upload(who, workspaceId, bytes);
    const early = await creative.gql(who, COMPLETE, { v: slot.version.id });
    expect(early.errors![0]!.message).toMatch(/has not arrived/);
    const url = new URL(slot.upload.url);
    const otherKey = new URL(url);
    otherKey.searchParams.set("key", `${url.searchParams.get("key")}-evil`);
    expect((await put(otherKey.toString(), bytes)).status).toBe(403);
    const bigger = new URL(url);
    bigger.searchParams.set("size", "999");
    expect((await put(bigger.toString(), Buffer.alloc(999))).status).toBe(403);
    const badSig = new URL(url);
    badSig.searchParams.set("sig", "A".repeat(43));
    expect((await put(badSig.toString(), bytes)).status).toBe(403);
    expect((await put(slot.upload.url, Buffer.from("too short"))).status).toBe(400);
    expect((await fetch(slot.upload.url)).status).toBe(405);
    expect((await put(slot.upload.url, bytes)).status).toBe(200);
    await creative.ok(who, COMPLETE, { v: slot.version.id });
    const noAuth = await fetch(
      `${new URL(creative.service.url).origin}/blobs?op=get&key=${encodeURIComponent(url.searchParams.get("key")!)}`,
    );
    expect(noAuth.status).toBe(400);
  });

  test("refuses an expired signed URL", async () => {
    const who = member(randomUUID());
    const workspaceId = await makeWorkspace(creative, who);
    const bytes = Buffer.from("late");
    const slot = await upload(who, workspaceId, bytes);
    await new Promise((r) => setTimeout(r, 3100));
    const response = await put(slot.upload.url, bytes);
    expect(response.status).toBe(410);
    expect(await response.json()).toEqual({ error: "signed URL expired" });
  });

  test("refuses MIME types outside the allowed list, naming the allowed ones, and creates nothing", async () => {
    const tenant = randomUUID();
    const who = member(tenant);
    const workspaceId = await makeWorkspace(creative, who);
    const result = await creative.gql(who, UPLOAD, {
      i: { workspaceId, name: "x.exe", mimeType: "application/x-msdownload", sizeBytes: 10 },
    });
    expect(result.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "MIME_TYPE_NOT_ALLOWED" });
    expect(result.errors![0]!.message).toMatch(/Allowed types: image\/png/);
    const { rows } = await creative.sql.query(`SELECT count(*)::int AS n FROM creative.assets WHERE "tenantId" = $1`, [
      tenant,
    ]);
    expect(rows[0].n).toBe(0);
  });

  test("holds the tenant's storage quota, pending uploads included, and frees it on delete", async () => {
    const who = member(randomUUID());
    const workspaceId = await makeWorkspace(creative, who);
    const first = await upload(who, workspaceId, Buffer.alloc(600));
    const over = await creative.gql(who, UPLOAD, {
      i: { workspaceId, name: "b.png", mimeType: "image/png", sizeBytes: 600 },
    });
    expect(over.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "QUOTA_EXCEEDED",
      usedBytes: 600,
      quotaBytes: 1000,
    });
    const concurrent = await Promise.all(
      [1, 2, 3].map(() =>
        creative.gql(who, UPLOAD, { i: { workspaceId, name: "c.png", mimeType: "image/png", sizeBytes: 300 } }),
      ),
    );
    expect(concurrent.filter((r) => !r.errors)).toHaveLength(1);
    const usage = await creative.ok<{ storageUsage: { usedBytes: number; quotaBytes: number } }>(
      who,
      `{ storageUsage { usedBytes quotaBytes } }`,
    );
    expect(usage.storageUsage).toEqual({ usedBytes: 900, quotaBytes: 1000 });
    await creative.ok(who, `mutation($a: ID!) { deleteAsset(input: { assetId: $a }) { deletedAssetId } }`, {
      a: first.asset.id,
    });
    await upload(who, workspaceId, Buffer.alloc(600));
    expect((await creative.ok<{ asset: null }>(who, ASSET, { id: first.asset.id })).asset).toBeNull();
  });

  test("keeps an asset's project inside the asset's workspace", async () => {
    const who = member(randomUUID());
    const ws1 = await makeWorkspace(creative, who);
    const ws2 = await makeWorkspace(creative, who);
    const projectInWs2 = await makeProject(creative, who, ws2);
    const result = await creative.gql(who, UPLOAD, {
      i: { workspaceId: ws1, projectId: projectInWs2, name: "a.png", mimeType: "image/png", sizeBytes: 5 },
    });
    expect(result.errors![0]!.message).toMatch(/is not in workspace/);
    const slot = await upload(who, ws1, Buffer.alloc(5));
    const move = await creative.gql(
      who,
      `mutation($i: UpdateAssetInput!) { updateAsset(input: $i) { asset { id } } }`,
      {
        i: { assetId: slot.asset.id, projectId: projectInWs2 },
      },
    );
    expect(move.errors![0]!.message).toMatch(/is not in workspace/);
  });

  test("shows a PRIVATE asset to its creator and admins only", async () => {
    const tenant = randomUUID();
    const owner = member(tenant);
    const colleague = member(tenant);
    const admin = member(tenant, "ADMIN");
    const workspaceId = await makeWorkspace(creative, owner);
    const slot = await upload(owner, workspaceId, Buffer.alloc(5), { accessLevel: "PRIVATE" });
    expect((await creative.ok<{ asset: { id: string } }>(owner, ASSET, { id: slot.asset.id })).asset.id).toBe(
      slot.asset.id,
    );
    expect((await creative.ok<{ asset: { id: string } }>(admin, ASSET, { id: slot.asset.id })).asset.id).toBe(
      slot.asset.id,
    );
    expect((await creative.ok<{ asset: null }>(colleague, ASSET, { id: slot.asset.id })).asset).toBeNull();
    const list = await creative.ok<{ workspace: { assets: { edges: unknown[] } } }>(
      colleague,
      `query($w: ID!) { workspace(id: $w) { assets { edges { node { id } } } } }`,
      { w: workspaceId },
    );
    expect(list.workspace.assets.edges).toHaveLength(0);
    const del = await creative.gql(
      colleague,
      `mutation($a: ID!) { deleteAsset(input: { assetId: $a }) { deletedAssetId } }`,
      { a: slot.asset.id },
    );
    expect(del.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  test("says a hand-off to knowledge is unavailable where no gateway credentials are configured", async () => {
    const who = member(randomUUID());
    const workspaceId = await makeWorkspace(creative, who);
    const bytes = Buffer.from("hello");
    const slot = await creative.ok<Upload>(who, UPLOAD, {
      i: { workspaceId, name: "brief.txt", mimeType: "text/plain", sizeBytes: bytes.length },
    });
    expect((await put(slot.createAssetUpload.upload.url, bytes, "text/plain")).status).toBe(200);
    await creative.ok(who, COMPLETE, { v: slot.createAssetUpload.version.id });
    const res = await creative.gql(
      who,
      `mutation($a: ID!) { handAssetToKnowledge(input: { assetId: $a }) { asset { id } } }`,
      { a: slot.createAssetUpload.asset.id },
    );
    expect(res.errors![0]!.extensions!.code).toBe("SERVICE_UNAVAILABLE");
  });
});
