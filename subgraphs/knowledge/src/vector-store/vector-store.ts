import type { ChunkTerms } from "../lexical/bm25";

/** One chunk's vector and analysed words, with the payload every store keeps beside them. */
export interface VectorPoint {
  /** The chunk id (a UUID). */
  id: string;
  vector: Float32Array;
  tenantId: string;
  documentId: string;
  workspaceId: string;
  /** Its document's title and its text, analysed (the lexical leg's index entry). */
  terms: ChunkTerms;
}

export interface HnswParams {
  m: number;
  efConstruct: number;
}

/** Narrows a search beyond the tenant; every field is optional. */
export interface VectorSearchFilter {
  workspaceId?: string;
  /** Only chunks of these documents (an empty list matches nothing). */
  documentIds?: string[];
}

export interface VectorSearchOptions {
  /** Required: the store applies it inside its query, so no other tenant's vector is ever scored. */
  tenantId: string;
  filter?: VectorSearchFilter;
  limit: number;
}

export interface VectorHit {
  id: string;
  documentId: string;
  /** Cosine similarity (dense), BM25F (lexical), or the fused score (hybrid). */
  score: number;
}

export interface VectorScope {
  tenantId: string;
  documentId?: string;
}

/**
 * Where chunk vectors and their lexical index live. Upserted points are staged: searches see a document's points only
 * after `markReady`, so a half-ingested document never shows up in results.
 */
export interface VectorStore {
  readonly kind: string;
  ensureCollection(name: string, dimensions: number, hnsw?: HnswParams): Promise<void>;
  upsert(collection: string, points: VectorPoint[]): Promise<void>;
  markReady(collection: string, scope: Required<VectorScope>): Promise<void>;
  /** By meaning: cosine similarity. */
  search(collection: string, vector: Float32Array, options: VectorSearchOptions): Promise<VectorHit[]>;
  /** By words: BM25F over title and text, idf from the tenant's chunks. `terms`: query terms with their counts. */
  searchText(collection: string, terms: Map<string, number>, options: VectorSearchOptions): Promise<VectorHit[]>;
  /** Both, fused by normalised scores (see `fuseScores`), in one call. */
  searchHybrid(
    collection: string,
    vector: Float32Array,
    terms: Map<string, number>,
    options: VectorSearchOptions,
  ): Promise<VectorHit[]>;
  deleteByFilter(collection: string, scope: VectorScope): Promise<void>;
  /** Points in scope, staged or ready. */
  count(collection: string, scope: VectorScope): Promise<number>;
  close(): Promise<void>;
}
