import type { VectorHit, VectorPoint, VectorSearchFilter } from "./vector-store";

/**
 * One tenant's vectors in one contiguous Float32Array, laid out dimension by dimension so a
 * query walks memory sequentially and skips the dimensions where it is zero (the built-in
 * embedder's queries are sparse). Search is exact.
 */
export class TenantPartition {
  private capacity = 256;
  private size = 0;
  private data: Float32Array;
  private scores = new Float32Array(0);
  private readonly ids: string[] = [];
  private readonly documentIds: string[] = [];
  private readonly workspaceIds: string[] = [];
  private ready = new Uint8Array(this.capacity);
  private readonly rowOf = new Map<string, number>();

  constructor(private readonly dims: number) {
    this.data = new Float32Array(dims * this.capacity);
  }

  get length(): number {
    return this.size;
  }

  upsert(point: VectorPoint): void {
    let row = this.rowOf.get(point.id);
    if (row === undefined) {
      if (this.size === this.capacity) this.grow();
      row = this.size++;
      this.rowOf.set(point.id, row);
      this.ids[row] = point.id;
      this.ready[row] = 0;
    }
    this.documentIds[row] = point.documentId;
    this.workspaceIds[row] = point.workspaceId;
    for (let d = 0; d < this.dims; d++) this.data[d * this.capacity + row] = point.vector[d] ?? 0;
  }

  markReady(documentId: string): void {
    for (let row = 0; row < this.size; row++) if (this.documentIds[row] === documentId) this.ready[row] = 1;
  }

  count(documentId?: string): number {
    if (!documentId) return this.size;
    let n = 0;
    for (let row = 0; row < this.size; row++) if (this.documentIds[row] === documentId) n++;
    return n;
  }

  /** Removes the rows of one document (or all), moving the last row into each gap. */
  remove(documentId?: string): void {
    for (let row = this.size - 1; row >= 0; row--) {
      if (documentId && this.documentIds[row] !== documentId) continue;
      this.rowOf.delete(this.ids[row]!);
      const last = --this.size;
      if (row !== last) this.moveRow(last, row);
    }
  }

  search(query: Float32Array, limit: number, filter?: VectorSearchFilter): VectorHit[] {
    if (this.scores.length < this.size) this.scores = new Float32Array(this.capacity);
    const scores = this.scores;
    scores.fill(0, 0, this.size);
    for (let d = 0; d < this.dims; d++) {
      const q = query[d]!;
      if (q === 0) continue;
      const base = d * this.capacity;
      for (let row = 0; row < this.size; row++) scores[row]! += q * this.data[base + row]!;
    }
    const allowed = filter?.documentIds ? new Set(filter.documentIds) : null;
    const top: number[] = [];
    let floor = Number.NEGATIVE_INFINITY;
    for (let row = 0; row < this.size; row++) {
      const score = scores[row]!;
      if (score <= floor && top.length === limit) continue;
      if (!this.ready[row]) continue;
      if (filter?.workspaceId && this.workspaceIds[row] !== filter.workspaceId) continue;
      if (allowed && !allowed.has(this.documentIds[row]!)) continue;
      let at = top.length;
      while (at > 0 && scores[top[at - 1]!]! < score) at--;
      top.splice(at, 0, row);
      if (top.length > limit) top.pop();
      if (top.length === limit) floor = scores[top[limit - 1]!]!;
    }
    return top.map((row) => ({ id: this.ids[row]!, documentId: this.documentIds[row]!, score: scores[row]! }));
  }

  private moveRow(from: number, to: number): void {
    for (let d = 0; d < this.dims; d++) this.data[d * this.capacity + to] = this.data[d * this.capacity + from]!;
    this.ids[to] = this.ids[from]!;
    this.documentIds[to] = this.documentIds[from]!;
    this.workspaceIds[to] = this.workspaceIds[from]!;
    this.ready[to] = this.ready[from]!;
    this.rowOf.set(this.ids[to]!, to);
    this.ids.length = this.documentIds.length = this.workspaceIds.length = this.size;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const data = new Float32Array(this.dims * capacity);
    for (let d = 0; d < this.dims; d++) {
      data.set(this.data.subarray(d * this.capacity, d * this.capacity + this.size), d * capacity);
    }
    const ready = new Uint8Array(capacity);
    ready.set(this.ready);
    this.data = data;
    this.ready = ready;
    this.capacity = capacity;
  }
}
