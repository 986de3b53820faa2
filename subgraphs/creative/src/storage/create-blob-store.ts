import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Logger } from "@atelier/logging";
import type { RouteHandler } from "@atelier/subgraph-kit";
import type { CreativeConfig } from "../config";
import { createBlobRoute } from "./blob-route";
import type { BlobStore } from "./blob-store";
import { BLOB_ROUTE, createLocalDiskBlobStore } from "./local-disk-blob-store";
import { createS3BlobStore } from "./s3-blob-store";
import { createUrlSigner } from "./url-signer";

/** The configured store, and for local disk the `/blobs` route that serves its signed URLs. */
export function createBlobStore(
  config: CreativeConfig,
  baseUrl: () => string,
  log: Logger,
): { blobs: BlobStore; routes: Record<string, RouteHandler> } {
  const { storage } = config;
  if (storage.driver === "s3") {
    const s3 = storage.s3;
    return { blobs: createS3BlobStore({ ...s3, endpoint: s3.endpoint ?? "" }), routes: {} };
  }
  // Without a configured secret (development) a per-process one is used: URLs die with the process.
  const signer = createUrlSigner(storage.signingSecret ?? randomBytes(32).toString("hex"));
  const root = path.resolve(storage.dir);
  return {
    blobs: createLocalDiskBlobStore({ root, signer, baseUrl }),
    routes: { [BLOB_ROUTE]: createBlobRoute({ root, signer, log }) },
  };
}
