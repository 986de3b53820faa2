import { ColumnMatrix } from "./column-matrix";
import { topRows } from "./top-rows";
import type { VectorHit, VectorPoint, VectorSearchFilter } from "./vector-store";

/**
 * One tenant's vectors in one column-major matrix (see `ColumnMatrix`), with each row's chunk,
 * document, workspace and readiness beside it. Search is exact.
 */
export class TenantPartition {
  private size = 0;
  private readonly matrix: ColumnMatrix;
  private readonly ids: string[] = [];
  private readonly documentIds: string[] = [];
  private readonly workspaceIds: string[] = [];
  private ready = new Uint8Array(256);
  private readonly rowOf = new Map<string, number>();
  /** Each document's rows: marking, counting and removing a document touch only those. */
  private readonly rowsOfDocument = new Map<string, Set<number>>();

  constructor(dims: number) {
    this.matrix = new ColumnMatrix(dims, this.ready.length);
  }

  get length(): number {
    return this.size;
  }

  upsert(point: VectorPoint): void {
    let row = this.rowOf.get(point.id);
    if (row === undefined) {
      if (this.size === this.matrix.capacity) this.grow();
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
    this.matrix.setRow(row, point.vector);
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
    const scores = this.matrix.scores(query, this.size);
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
    this.matrix.copyRow(from, to);
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
    this.matrix.grow(this.size);
    const ready = new Uint8Array(this.matrix.capacity);
    ready.set(this.ready);
    this.ready = ready;
  }
}
