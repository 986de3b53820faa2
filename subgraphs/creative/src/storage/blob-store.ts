/** A signed request a client makes straight to storage. */
export interface SignedRequest {
  url: string;
  method: "PUT" | "GET";
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface BlobStat {
  size: number;
}

/**
 * Where asset bytes live. Keys are opaque paths chosen by the service
 * (`<tenantId>/<assetId>/<versionNumber>`), never by clients.
 */
export interface BlobStore {
  readonly kind: "local" | "s3";
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  stat(key: string): Promise<BlobStat | null>;
  delete(key: string): Promise<void>;
  /** A URL to PUT exactly `size` bytes of `contentType` to, valid for `ttlSeconds`. */
  signUpload(key: string, opts: { contentType: string; size: number; ttlSeconds: number }): Promise<SignedRequest>;
  /** A URL to GET the bytes from, valid for `ttlSeconds`. */
  signDownload(key: string, opts: { contentType: string; ttlSeconds: number }): Promise<string>;
}
