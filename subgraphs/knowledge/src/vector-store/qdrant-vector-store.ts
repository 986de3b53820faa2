import { QdrantClient } from "@qdrant/js-client-rest";
import { type Bm25Params, DEFAULT_BM25 } from "../lexical/bm25";
import { chunkSparseVector, querySparseVector } from "../lexical/sparse-vector";
import { qdrantFilter, scopeFilter } from "./qdrant-filter";
import type { HnswParams, VectorHit, VectorPoint, VectorScope, VectorSearchOptions, VectorStore } from "./vector-store";

export interface QdrantStoreOptions {
  url: string;
  apiKey?: string | null;
  /** Points per upsert request. */
  batchSize?: number;
  bm25?: Bm25Params;
  /** Candidates each leg of a hybrid search hands to the server's fusion. */
  fusionDepth?: number;
}

/** The named vectors of every collection: the embedding and the BM25 sparse vector. */
const DENSE = "dense";
const SPARSE = "bm25";

type ScoredPoint = { id: string | number; score: number; payload?: Record<string, unknown> | null };
const toHits = (points: ScoredPoint[]): VectorHit[] =>
  points.map((p) => ({ id: String(p.id), documentId: String(p.payload?.document_id), score: p.score }));

/**
 * Qdrant: one collection per embedding model holding each chunk's embedding and its BM25F
 * sparse vector (idf applied by Qdrant, `modifier: idf`), tenants partitioned by the
 * `tenant_id` payload (a keyword index with `is_tenant`), and every query filtered by tenant
 * inside Qdrant. Hybrid search is one Query API call: both legs prefetched, fused on the server
 * by distribution-based score fusion (each leg's scores normalised by their spread, then summed).
 */
export class QdrantVectorStore implements VectorStore {
  readonly kind = "qdrant";
  private readonly client: QdrantClient;
  private readonly bm25: Bm25Params;

  constructor(private readonly opts: QdrantStoreOptions) {
    this.client = new QdrantClient({
      url: opts.url,
      ...(opts.apiKey ? { apiKey: opts.apiKey } : {}),
      checkCompatibility: false,
    });
    this.bm25 = opts.bm25 ?? DEFAULT_BM25;
  }

  async ensureCollection(
    name: string,
    dimensions: number,
    hnsw: HnswParams = { m: 16, efConstruct: 100 },
  ): Promise<void> {
    const { exists } = await this.client.collectionExists(name);
    if (!exists) {
      await this.client.createCollection(name, {
        vectors: { [DENSE]: { size: dimensions, distance: "Cosine" } },
        sparse_vectors: { [SPARSE]: { modifier: "idf" } },
        hnsw_config: { m: hnsw.m, ef_construct: hnsw.efConstruct, payload_m: hnsw.m || 16 },
      });
    } else {
      const info = await this.client.getCollection(name);
      if (!info.config.params.sparse_vectors?.[SPARSE]) {
        throw new Error(
          `Qdrant collection ${name} predates the BM25 sparse vectors: delete it (documents are re-indexed from Postgres) or use another EMBEDDING_MODEL`,
        );
      }
    }
    const indexes: [string, { type: "keyword"; is_tenant?: boolean } | "bool"][] = [
      ["tenant_id", { type: "keyword", is_tenant: true }],
      ["document_id", { type: "keyword" }],
      ["workspace_id", { type: "keyword" }],
      ["ready", "bool"],
    ];
    for (const [field, schema] of indexes) {
      await this.client.createPayloadIndex(name, { field_name: field, field_schema: schema, wait: true });
    }
  }

  async upsert(collection: string, points: VectorPoint[]): Promise<void> {
    const batchSize = this.opts.batchSize ?? 256;
    for (let i = 0; i < points.length; i += batchSize) {
      await this.client.upsert(collection, {
        wait: true,
        points: points.slice(i, i + batchSize).map((p) => ({
          id: p.id,
          vector: { [DENSE]: Array.from(p.vector), [SPARSE]: chunkSparseVector(p.terms, this.bm25) },
          payload: { tenant_id: p.tenantId, document_id: p.documentId, workspace_id: p.workspaceId, ready: false },
        })),
      });
    }
  }

  async markReady(collection: string, scope: Required<VectorScope>): Promise<void> {
    await this.client.setPayload(collection, { payload: { ready: true }, filter: scopeFilter(scope), wait: true });
  }

  async search(collection: string, vector: Float32Array, options: VectorSearchOptions): Promise<VectorHit[]> {
    const filter = qdrantFilter(options);
    if (!filter) return [];
    const result = await this.client.query(collection, {
      query: Array.from(vector),
      using: DENSE,
      filter,
      limit: options.limit,
      with_payload: ["document_id"],
    });
    return toHits(result.points);
  }

  async searchText(collection: string, terms: Map<string, number>, options: VectorSearchOptions): Promise<VectorHit[]> {
    const filter = qdrantFilter(options);
    if (!filter || terms.size === 0) return [];
    const result = await this.client.query(collection, {
      query: querySparseVector(terms),
      using: SPARSE,
      filter,
      limit: options.limit,
      with_payload: ["document_id"],
    });
    return toHits(result.points);
  }

  async searchHybrid(
    collection: string,
    vector: Float32Array,
    terms: Map<string, number>,
    options: VectorSearchOptions,
  ): Promise<VectorHit[]> {
    const filter = qdrantFilter(options);
    if (!filter) return [];
    if (terms.size === 0) return this.search(collection, vector, options);
    const depth = Math.max(options.limit, this.opts.fusionDepth ?? 100);
    const result = await this.client.query(collection, {
      prefetch: [
        { query: Array.from(vector), using: DENSE, filter, limit: depth },
        { query: querySparseVector(terms), using: SPARSE, filter, limit: depth },
      ],
      query: { fusion: "dbsf" },
      filter,
      limit: options.limit,
      with_payload: ["document_id"],
    });
    return toHits(result.points);
  }

  async deleteByFilter(collection: string, scope: VectorScope): Promise<void> {
    await this.client.delete(collection, { filter: scopeFilter(scope), wait: true });
  }

  async count(collection: string, scope: VectorScope): Promise<number> {
    return (await this.client.count(collection, { filter: scopeFilter(scope), exact: true })).count;
  }

  async close(): Promise<void> {}
}
