import { createHash } from "node:crypto";

/** Like Apollo Server's document store (30 MiB): what prepared documents may hold, estimated. */
export const MAX_CACHE_BYTES = 30 * 1024 * 1024;
/** Longer documents are not prepared nor kept: Apollo answers them. */
export const MAX_CACHED_DOCUMENT_CHARS = 64 * 1024;

export interface CachedDocument<T> {
  value: T;
  bytes: number;
  /** Until then (ms epoch) Apollo answers this document: the fast path stepped aside after calling subgraphs. */
  apolloUntil: number;
}

/**
 * The key of a request's document: a hash of the (operation name, query) tuple, so that no pair of
 * names and queries share one and the key holds no caller-sized text.
 */
export function documentKey(query: string, operationName: string | undefined): string {
  return createHash("sha256")
    .update(JSON.stringify([operationName ?? null, query]))
    .digest("base64");
}

/** Least recently used documents leave first once the estimated bytes pass the bound. */
export class DocumentCache<T> {
  private readonly entries = new Map<string, CachedDocument<T>>();
  private total = 0;

  constructor(private readonly maxBytes = MAX_CACHE_BYTES) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  get(key: string): CachedDocument<T> | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, value: T, bytes: number): CachedDocument<T> {
    const entry: CachedDocument<T> = { value, bytes, apolloUntil: 0 };
    if (bytes > this.maxBytes) return entry;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.total -= previous.bytes;
    }
    while (this.total + bytes > this.maxBytes) {
      const [oldest, evicted] = this.entries.entries().next().value as [string, CachedDocument<T>];
      this.entries.delete(oldest);
      this.total -= evicted.bytes;
    }
    this.entries.set(key, entry);
    this.total += bytes;
    return entry;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
