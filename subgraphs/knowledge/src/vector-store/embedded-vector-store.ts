import { normalize } from "../embedding/embedder";
import { type Bm25Params, DEFAULT_BM25 } from "../lexical/bm25";
import { LexicalPartition } from "../lexical/lexical-partition";
import { DEFAULT_FUSION, type FusionParams, fuseScores } from "../search/score-fusion";
import { TenantPartition } from "./tenant-partition";
import type { VectorHit, VectorPoint, VectorScope, VectorSearchOptions, VectorStore } from "./vector-store";

interface Collection {
  dimensions: number;
  tenants: Map<string, TenantPartition>;
  lexical: Map<string, LexicalPartition>;
}

export interface EmbeddedStoreOptions {
  bm25?: Bm25Params;
  fusion?: FusionParams;
}

/**
 * The in-process store of the default setup and CI: exact cosine search and a BM25F inverted
 * index, both partitioned by tenant (a search only ever reads its tenant's rows). It holds no
 * durable state: the service rebuilds it from the chunks in Postgres at start.
 */
export class EmbeddedVectorStore implements VectorStore {
  readonly kind = "embedded";
  private readonly collections = new Map<string, Collection>();
  private readonly bm25: Bm25Params;
  private readonly fusion: FusionParams;

  constructor(options: EmbeddedStoreOptions = {}) {
    this.bm25 = options.bm25 ?? DEFAULT_BM25;
    this.fusion = options.fusion ?? DEFAULT_FUSION;
  }

  async ensureCollection(name: string, dimensions: number): Promise<void> {
    const existing = this.collections.get(name);
    if (existing && existing.dimensions !== dimensions) {
      throw new Error(`collection ${name} has ${existing.dimensions} dimensions, not ${dimensions}`);
    }
    if (!existing) this.collections.set(name, { dimensions, tenants: new Map(), lexical: new Map() });
  }

  async upsert(collection: string, points: VectorPoint[]): Promise<void> {
    const c = this.collection(collection);
    for (const point of points) {
      if (point.vector.length !== c.dimensions) throw new Error(`vector of ${point.vector.length} dimensions`);
    }
    for (const point of points) {
      let partition = c.tenants.get(point.tenantId);
      let lexical = c.lexical.get(point.tenantId);
      if (!partition || !lexical) {
        partition = new TenantPartition(c.dimensions);
        lexical = new LexicalPartition();
        c.tenants.set(point.tenantId, partition);
        c.lexical.set(point.tenantId, lexical);
      }
      partition.upsert({ ...point, vector: normalize(Float32Array.from(point.vector)) });
      lexical.upsert(point);
    }
  }

  async markReady(collection: string, scope: Required<VectorScope>): Promise<void> {
    const c = this.collection(collection);
    c.tenants.get(scope.tenantId)?.markReady(scope.documentId);
    c.lexical.get(scope.tenantId)?.markReady(scope.documentId);
  }

  async search(collection: string, vector: Float32Array, options: VectorSearchOptions): Promise<VectorHit[]> {
    const partition = this.collection(collection).tenants.get(options.tenantId);
    if (!partition || options.limit < 1) return [];
    return partition.search(normalize(Float32Array.from(vector)), options.limit, options.filter);
  }

  async searchText(collection: string, terms: Map<string, number>, options: VectorSearchOptions): Promise<VectorHit[]> {
    const lexical = this.collection(collection).lexical.get(options.tenantId);
    if (!lexical || options.limit < 1) return [];
    return lexical.search(terms, options.limit, this.bm25, options.filter);
  }

  async searchHybrid(
    collection: string,
    vector: Float32Array,
    terms: Map<string, number>,
    options: VectorSearchOptions,
  ): Promise<VectorHit[]> {
    const depth = { ...options, limit: Math.max(options.limit, this.fusion.depth) };
    const [dense, keyword] = [
      await this.search(collection, vector, depth),
      await this.searchText(collection, terms, depth),
    ];
    return fuseScores(dense, keyword, this.fusion).slice(0, options.limit);
  }

  async deleteByFilter(collection: string, scope: VectorScope): Promise<void> {
    const c = this.collections.get(collection);
    const partition = c?.tenants.get(scope.tenantId);
    if (!c || !partition) return;
    if (scope.documentId) {
      partition.remove(scope.documentId);
      c.lexical.get(scope.tenantId)?.remove(scope.documentId);
    } else {
      c.tenants.delete(scope.tenantId);
      c.lexical.delete(scope.tenantId);
    }
  }

  async count(collection: string, scope: VectorScope): Promise<number> {
    return this.collections.get(collection)?.tenants.get(scope.tenantId)?.count(scope.documentId) ?? 0;
  }

  async close(): Promise<void> {
    this.collections.clear();
  }

  private collection(name: string): Collection {
    const c = this.collections.get(name);
    if (!c) throw new Error(`unknown vector collection ${name}: call ensureCollection first`);
    return c;
  }
}
