import { normalize } from "../embedding/embedder";
import { TenantPartition } from "./tenant-partition";
import type { VectorHit, VectorPoint, VectorScope, VectorSearchOptions, VectorStore } from "./vector-store";

interface Collection {
  dimensions: number;
  tenants: Map<string, TenantPartition>;
}

/**
 * The in-process store of the default setup and CI: exact cosine search, partitioned by tenant
 * (a search only ever reads its tenant's matrix). It holds no durable state: the service
 * rebuilds it from the chunk vectors in Postgres at start.
 */
export class EmbeddedVectorStore implements VectorStore {
  readonly kind = "embedded";
  private readonly collections = new Map<string, Collection>();

  async ensureCollection(name: string, dimensions: number): Promise<void> {
    const existing = this.collections.get(name);
    if (existing && existing.dimensions !== dimensions) {
      throw new Error(`collection ${name} has ${existing.dimensions} dimensions, not ${dimensions}`);
    }
    if (!existing) this.collections.set(name, { dimensions, tenants: new Map() });
  }

  async upsert(collection: string, points: VectorPoint[]): Promise<void> {
    const c = this.collection(collection);
    for (const point of points) {
      if (point.vector.length !== c.dimensions) throw new Error(`vector of ${point.vector.length} dimensions`);
      let partition = c.tenants.get(point.tenantId);
      if (!partition) {
        partition = new TenantPartition(c.dimensions);
        c.tenants.set(point.tenantId, partition);
      }
      partition.upsert({ ...point, vector: normalize(Float32Array.from(point.vector)) });
    }
  }

  async markReady(collection: string, scope: Required<VectorScope>): Promise<void> {
    this.collection(collection).tenants.get(scope.tenantId)?.markReady(scope.documentId);
  }

  async search(collection: string, vector: Float32Array, options: VectorSearchOptions): Promise<VectorHit[]> {
    const partition = this.collection(collection).tenants.get(options.tenantId);
    if (!partition || options.limit < 1) return [];
    return partition.search(normalize(Float32Array.from(vector)), options.limit, options.filter);
  }

  async deleteByFilter(collection: string, scope: VectorScope): Promise<void> {
    const c = this.collections.get(collection);
    const partition = c?.tenants.get(scope.tenantId);
    if (!c || !partition) return;
    if (scope.documentId) partition.remove(scope.documentId);
    else c.tenants.delete(scope.tenantId);
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
