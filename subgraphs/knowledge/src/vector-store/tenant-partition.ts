import { columnScores } from "./column-scores";
import { topRows } from "./top-rows";
import type { VectorHit, VectorPoint, VectorSearchFilter } from "./vector-store";

/**
 * One tenant's vectors in one contiguous Float32Array, laid out dimension by dimension so a
 * query walks memory sequentially and skips the dimensions where it is zero (the built-in
 * embedder's queries are sparse; see `columnScores`). Search is exact.
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
  /** Each document's rows: marking, counting and removing a document touch only those. */
  private readonly rowsOfDocument = new Map<string, Set<number>>();

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
    } else {
      this.rowsOfDocument.get(this.documentIds[row]!)?.delete(row);
    }
    this.documentIds[row] = point.documentId;
    this.documentRows(point.documentId).add(row);
    this.workspaceIds[row] = point.workspaceId;
    for (let d = 0; d < this.dims; d++) this.data[d * this.capacity + row] = point.vector[d] ?? 0;
  }

  markReady(documentId: string): void {
    for (const row of this.rowsOfDocument.get(documentId) ?? []) this.ready[row] = 1;
  }

  count(documentId?: string): number {
    return documentId ? (this.rowsOfDocument.get(documentId)?.size ?? 0) : this.size;
  }

  /** Removes the rows of one document (or all), moving the last row into each gap. */
  remove(documentId?: string): void {
    if (!documentId) {
      this.size = 0;
      this.rowOf.clear();
      this.rowsOfDocument.clear();
    }
    const rows = documentId ? [...(this.rowsOfDocument.get(documentId) ?? [])].sort((a, b) => b - a) : [];
    if (documentId) this.rowsOfDocument.delete(documentId);
    // Highest first: the last row moved into a gap is never one of the document's own.
    for (const row of rows) {
      this.rowOf.delete(this.ids[row]!);
      const last = --this.size;
      if (row !== last) this.moveRow(last, row);
    }
    this.ids.length = this.documentIds.length = this.workspaceIds.length = this.size;
  }

  search(query: Float32Array, limit: number, filter?: VectorSearchFilter): VectorHit[] {
    if (this.scores.length < this.size) this.scores = new Float32Array(this.capacity);
    const scores = this.scores;
    columnScores(this.data, this.capacity, this.size, query, scores);
    const allowed = filter?.documentIds ? new Set(filter.documentIds) : null;
    const workspaceId = filter?.workspaceId;
    const top = topRows(
      scores,
      this.size,
      limit,
      (row) =>
        this.ready[row] === 1 &&
        (!workspaceId || this.workspaceIds[row] === workspaceId) &&
        (!allowed || allowed.has(this.documentIds[row]!)),
    );
    return top.map((row) => ({ id: this.ids[row]!, documentId: this.documentIds[row]!, score: scores[row]! }));
  }

  private moveRow(from: number, to: number): void {
    for (let d = 0; d < this.dims; d++) this.data[d * this.capacity + to] = this.data[d * this.capacity + from]!;
    this.ids[to] = this.ids[from]!;
    this.documentIds[to] = this.documentIds[from]!;
    this.workspaceIds[to] = this.workspaceIds[from]!;
    this.ready[to] = this.ready[from]!;
    this.rowOf.set(this.ids[to]!, to);
    const documentRows = this.documentRows(this.documentIds[to]!);
    documentRows.delete(from);
    documentRows.add(to);
  }

  private documentRows(documentId: string): Set<number> {
    let rows = this.rowsOfDocument.get(documentId);
    if (!rows) {
      rows = new Set();
      this.rowsOfDocument.set(documentId, rows);
    }
    return rows;
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
