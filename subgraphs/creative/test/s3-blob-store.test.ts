import { randomUUID } from "node:crypto";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { createS3BlobStore } from "../src/storage/s3-blob-store";

// Runs against a real S3-compatible server (MinIO, S3) when S3_ENDPOINT is set; none runs here.
const endpoint = process.env.S3_ENDPOINT;
const bucket = process.env.S3_BUCKET ?? `atelier-test-${randomUUID().slice(0, 8)}`;
if (!endpoint)
  console.warn(
    "s3-blob-store.test.ts: SKIPPED — set S3_ENDPOINT (and S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) to run it",
  );

describe.skipIf(!endpoint)("the S3 blob store (S3_ENDPOINT)", () => {
  const store = createS3BlobStore({
    endpoint: endpoint ?? "",
    region: process.env.S3_REGION ?? "us-east-1",
    bucket,
    accessKeyId: process.env.S3_ACCESS_KEY_ID ?? null,
    secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? null,
    forcePathStyle: true,
  });

  it("uploads through a presigned PUT and downloads through a presigned GET", async () => {
    await store.client.send(new CreateBucketCommand({ Bucket: bucket })).catch(() => {});
    const key = `test/${randomUUID()}`;
    const bytes = Buffer.from("hello presigned world");
    const upload = await store.signUpload(key, { contentType: "text/plain", size: bytes.length, ttlSeconds: 60 });
    const put = await fetch(upload.url, { method: "PUT", body: bytes, headers: upload.headers });
    expect(put.status).toBe(200);
    expect(await store.stat(key)).toEqual({ size: bytes.length });
    const get = await fetch(await store.signDownload(key, { contentType: "text/plain", ttlSeconds: 60 }));
    expect(Buffer.from(await get.arrayBuffer()).toString()).toBe("hello presigned world");
    await store.delete(key);
    expect(await store.stat(key)).toBeNull();
  });
});

describe("S3 presigning (no server needed)", () => {
  it("signs uploads for the exact content type and length, expiring as asked", async () => {
    const store = createS3BlobStore({
      endpoint: "http://127.0.0.1:9",
      region: "us-east-1",
      bucket: "atelier",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "secret-example",
      forcePathStyle: true,
    });
    const upload = await store.signUpload("t/a/v1", { contentType: "image/png", size: 42, ttlSeconds: 120 });
    const url = new URL(upload.url);
    expect(url.pathname).toBe("/atelier/t/a/v1");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("120");
    expect(url.searchParams.get("X-Amz-SignedHeaders")?.split(";")).toEqual(
      expect.arrayContaining(["content-length", "content-type", "host"]),
    );
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    expect(upload.headers).toEqual({ "content-type": "image/png", "content-length": "42" });
  });
});
