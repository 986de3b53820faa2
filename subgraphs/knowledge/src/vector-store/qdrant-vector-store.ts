import { QdrantClient } from "@qdrant/js-client-rest";
import type { HnswParams, VectorHit, VectorPoint, VectorScope, VectorSearchOptions, VectorStore } from "./vector-store";

export interface QdrantStoreOptions {
  url: string;
  apiKey?: string | null;
  /** Points per upsert request. */
  batchSize?: number;
}

type Condition = { key: string; match: { value: string | boolean } | { any: string[] } };

function scopeFilter(scope: VectorScope): { must: Condition[] } {
  const must: Condition[] = [{ key: "tenant_id", match: { value: scope.tenantId } }];
  if (scope.documentId) must.push({ key: "document_id", match: { value: scope.documentId } });
  return { must };
}

/**
 * Qdrant: one collection per embedding model, tenants partitioned by the `tenant_id` payload
 * (a keyword index with `is_tenant`, so Qdrant co-locates each tenant's points), and every
 * query filtered by tenant inside Qdrant.
 */
export class QdrantVectorStore implements VectorStore {
  readonly kind = "qdrant";
  private readonly client: QdrantClient;

  constructor(private readonly opts: QdrantStoreOptions) {
    this.client = new QdrantClient({
      url: opts.url,
      ...(opts.apiKey ? { apiKey: opts.apiKey } : {}),
      checkCompatibility: false,
    });
  }

  async ensureCollection(
    name: string,
    dimensions: number,
    hnsw: HnswParams = { m: 16, efConstruct: 100 },
  ): Promise<void> {
    const { exists } = await this.client.collectionExists(name);
    if (!exists) {
      await this.client.createCollection(name, {
        vectors: { size: dimensions, distance: "Cosine" },
        hnsw_config: { m: hnsw.m, ef_construct: hnsw.efConstruct, payload_m: hnsw.m || 16 },
      });
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
          vector: Array.from(p.vector),
          payload: { tenant_id: p.tenantId, document_id: p.documentId, workspace_id: p.workspaceId, ready: false },
        })),
      });
    }
  }

  async markReady(collection: string, scope: Required<VectorScope>): Promise<void> {
    await this.client.setPayload(collection, { payload: { ready: true }, filter: scopeFilter(scope), wait: true });
  }

  async search(collection: string, vector: Float32Array, options: VectorSearchOptions): Promise<VectorHit[]> {
    const filter = scopeFilter({ tenantId: options.tenantId });
    filter.must.push({ key: "ready", match: { value: true } });
    if (options.filter?.workspaceId)
      filter.must.push({ key: "workspace_id", match: { value: options.filter.workspaceId } });
    if (options.filter?.documentIds) {
      if (options.filter.documentIds.length === 0) return [];
      filter.must.push({ key: "document_id", match: { any: options.filter.documentIds } });
    }
    const result = await this.client.query(collection, {
      query: Array.from(vector),
      filter,
      limit: options.limit,
      with_payload: ["document_id"],
    });
    return result.points.map((p) => ({
      id: String(p.id),
      documentId: String((p.payload as { document_id: string }).document_id),
      score: p.score,
    }));
  }

  async deleteByFilter(collection: string, scope: VectorScope): Promise<void> {
    await this.client.delete(collection, { filter: scopeFilter(scope), wait: true });
  }

  async count(collection: string, scope: VectorScope): Promise<number> {
    return (await this.client.count(collection, { filter: scopeFilter(scope), exact: true })).count;
  }

  async close(): Promise<void> {}
}
