import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BlobStore } from "./blob-store";
import type { UrlSigner } from "./url-signer";

export const BLOB_ROUTE = "/blobs";
const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,500}$/;

/** Resolves a key under the root, refusing anything that could escape it. */
export function blobPath(root: string, key: string): string {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`invalid blob key: ${key}`);
  return path.join(root, key);
}

/**
 * The embedded default: bytes on local disk, uploaded and downloaded through the service's
 * own `/blobs` route with HMAC-signed, expiring URLs.
 */
export function createLocalDiskBlobStore(opts: { root: string; signer: UrlSigner; baseUrl: () => string }): BlobStore {
  const file = (key: string) => blobPath(opts.root, key);
  const url = (params: URLSearchParams) => `${opts.baseUrl()}${BLOB_ROUTE}?${params.toString()}`;
  return {
    kind: "local",
    async put(key, bytes) {
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, target);
    },
    async get(key) {
      return readFile(file(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return null;
        throw error;
      });
    },
    async stat(key) {
      return stat(file(key)).then(
        (s) => ({ size: s.size }),
        (error: NodeJS.ErrnoException) => {
          if (error.code === "ENOENT") return null;
          throw error;
        },
      );
    },
    async delete(key) {
      await rm(file(key), { force: true });
    },
    async signUpload(key, { contentType, size, ttlSeconds }) {
      file(key);
      const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
      return {
        url: url(opts.signer.sign({ op: "put", key, expires, contentType, size })),
        method: "PUT",
        headers: { "content-type": contentType, "content-length": String(size) },
        expiresAt: new Date(expires * 1000),
      };
    },
    async signDownload(key, { contentType, ttlSeconds }) {
      const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
      return url(opts.signer.sign({ op: "get", key, expires, contentType, size: 0 }));
    },
  };
}
