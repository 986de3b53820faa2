import { TtlCache } from "../auth/ttl-cache";

/** Automatic persisted queries: documents by the SHA-256 (hex) the client computed. */
export interface ApqStore {
  get(hash: string): Promise<string | undefined>;
  set(hash: string, document: string): Promise<void>;
}

export function createMemoryApqStore(maxEntries: number, ttlSeconds: number): ApqStore {
  const cache = new TtlCache<string>(maxEntries);
  return {
    async get(hash) {
      return cache.get(hash);
    },
    async set(hash, document) {
      cache.set(hash, document, ttlSeconds * 1000);
    },
  };
}
