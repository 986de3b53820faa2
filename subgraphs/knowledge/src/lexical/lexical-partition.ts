import type { VectorHit, VectorSearchFilter } from "../vector-store/vector-store";
import { type Bm25Params, type ChunkTerms, idf } from "./bm25";
import { Postings } from "./postings";
import { topScored } from "./top-scored";

export interface LexicalRow {
  id: string;
  documentId: string;
  workspaceId: string;
  terms: ChunkTerms;
}

/**
 * One tenant's inverted index for BM25F: postings per term, field lengths per row, exact
 * document frequencies and averages over the rows alive. Removing a row leaves a tombstone
 * (its terms' frequencies are decremented at once); tombstones are swept when they outnumber
 * the live rows. Scores depend only on the rows' contents, never on insertion order.
 */
export class LexicalPartition {
  private readonly postings = new Map<string, Postings>();
  private ids: string[] = [];
  private documentIds: string[] = [];
  private workspaceIds: string[] = [];
  private rowTerms: string[][] = [];
  private titleLength = new Int32Array(256);
  private bodyLength = new Int32Array(256);
  private state = new Uint8Array(256); // 0 dead, 1 staged, 2 ready
  private scores = new Float64Array(256);
  private titleScale = new Float64Array(0);
  private bodyScale = new Float64Array(0);
  private scalesKey = "";
  private size = 0;
  private live = 0;
  private titleTotal = 0;
  private bodyTotal = 0;
  private readonly rowOf = new Map<string, number>();
  private readonly rowsOfDocument = new Map<string, Set<number>>();

  count(documentId?: string): number {
    return documentId ? (this.rowsOfDocument.get(documentId)?.size ?? 0) : this.live;
  }

  upsert(row: LexicalRow): void {
    const existing = this.rowOf.get(row.id);
    if (existing !== undefined) this.kill(existing);
    if (this.size === this.state.length) this.grow();
    const at = this.size++;
    this.ids[at] = row.id;
    this.documentIds[at] = row.documentId;
    this.workspaceIds[at] = row.workspaceId;
    this.state[at] = 1;
    this.titleLength[at] = row.terms.title.length;
    this.bodyLength[at] = row.terms.body.length;
    const { title, body } = row.terms;
    const terms: string[] = [];
    const post = (term: string, titleTf: number, bodyTf: number) => {
      let postings = this.postings.get(term);
      if (!postings) {
        postings = new Postings();
        this.postings.set(term, postings);
      }
      postings.add(at, titleTf, bodyTf);
      terms.push(term);
    };
    for (const [term, bodyTf] of body.counts) post(term, title.counts.get(term) ?? 0, bodyTf);
    for (const [term, titleTf] of title.counts) if (!body.counts.has(term)) post(term, titleTf, 0);
    this.rowTerms[at] = terms;
    this.rowOf.set(row.id, at);
    this.documentRows(row.documentId).add(at);
    this.live++;
    this.titleTotal += title.length;
    this.bodyTotal += body.length;
  }

  markReady(documentId: string): void {
    for (const row of this.rowsOfDocument.get(documentId) ?? []) this.state[row] = 2;
  }

  remove(documentId: string): void {
    for (const row of this.rowsOfDocument.get(documentId) ?? []) this.kill(row);
    this.rowsOfDocument.delete(documentId);
    if (this.size - this.live > Math.max(1024, this.live)) this.compact();
  }

  /**
   * The `limit` best chunks by BM25F, exact. Terms are taken rarest first (highest possible
   * contribution); once the rest could not lift a chunk no term has matched yet above the
   * current `limit`-th score, the remaining (common) terms only add to the chunks already
   * matched, looked up in their postings, instead of scoring their whole lists (MaxScore).
   */
  search(terms: Map<string, number>, limit: number, params: Bm25Params, filter?: VectorSearchFilter): VectorHit[] {
    const { scores, state } = this;
    const [titleScale, bodyScale] = this.fieldScales(params);
    const allowed = filter?.documentIds ? new Set(filter.documentIds) : null;
    const workspaceId = filter?.workspaceId;
    const accept = (row: number) =>
      state[row] === 2 &&
      (!workspaceId || this.workspaceIds[row] === workspaceId) &&
      (!allowed || allowed.has(this.documentIds[row]!));
    const lists = [...terms]
      .map(([term, queryTf]) => ({ postings: this.postings.get(term), queryTf }))
      .filter((l): l is { postings: Postings; queryTf: number } => (l.postings?.live ?? 0) > 0)
      .map(({ postings, queryTf }) => ({ postings, weight: queryTf * idf(this.live, postings.live) }))
      .sort((a, b) => b.weight - a.weight);
    let remaining = lists.reduce((sum, l) => sum + l.weight, 0) * (params.k1 + 1);
    const touched: number[] = [];
    let onlyTouched = false;
    for (const { postings, weight } of lists) {
      if (!onlyTouched && touched.length >= limit) {
        const top = topScored(touched, scores, limit, accept);
        onlyTouched = top.length === limit && remaining < scores[top[limit - 1]!]!;
        if (onlyTouched) touched.sort((a, b) => a - b);
      }
      remaining -= weight * (params.k1 + 1);
      const { rows, titleTf, bodyTf, length } = postings;
      const { k1, titleWeight } = params;
      const add = (i: number, row: number) => {
        const tf = bodyTf[i]! * bodyScale[row]! + titleWeight * titleTf[i]! * titleScale[row]!;
        if (tf === 0) return;
        if (scores[row] === 0) touched.push(row);
        scores[row]! += (weight * tf * (k1 + 1)) / (k1 + tf);
      };
      if (!onlyTouched) {
        for (let i = 0; i < length; i++) if (state[rows[i]!] !== 0) add(i, rows[i]!);
        continue;
      }
      // Postings are in row order: each matched row is found by binary search from the last one.
      let from = 0;
      for (const row of touched) {
        let lo = from;
        let hi = length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (rows[mid]! < row) lo = mid + 1;
          else hi = mid;
        }
        from = lo;
        if (lo < length && rows[lo] === row) add(lo, row);
      }
    }
    const top = topScored(touched, scores, limit, accept);
    const hits = top.map((row) => ({ id: this.ids[row]!, documentId: this.documentIds[row]!, score: scores[row]! }));
    for (const row of touched) scores[row] = 0;
    return hits;
  }

  /** Per row, 1 / each field's length normalisation: recomputed only after the averages moved. */
  private fieldScales(params: Bm25Params): [Float64Array, Float64Array] {
    const key = `${this.live}:${this.titleTotal}:${this.bodyTotal}:${this.size}:${params.b}:${params.titleB}`;
    if (this.scalesKey === key && this.titleScale.length >= this.size) return [this.titleScale, this.bodyScale];
    const avgTitle = this.titleTotal / (this.live || 1) || 1;
    const avgBody = this.bodyTotal / (this.live || 1) || 1;
    if (this.titleScale.length < this.state.length) {
      this.titleScale = new Float64Array(this.state.length);
      this.bodyScale = new Float64Array(this.state.length);
    }
    for (let row = 0; row < this.size; row++) {
      this.titleScale[row] = 1 / (1 - params.titleB + (params.titleB * this.titleLength[row]!) / avgTitle);
      this.bodyScale[row] = 1 / (1 - params.b + (params.b * this.bodyLength[row]!) / avgBody);
    }
    this.scalesKey = key;
    return [this.titleScale, this.bodyScale];
  }

  private kill(row: number): void {
    if (this.state[row] === 0) return;
    this.state[row] = 0;
    for (const term of this.rowTerms[row]!) this.postings.get(term)!.live--;
    this.rowTerms[row] = [];
    this.rowOf.delete(this.ids[row]!);
    this.rowsOfDocument.get(this.documentIds[row]!)?.delete(row);
    this.live--;
    this.titleTotal -= this.titleLength[row]!;
    this.bodyTotal -= this.bodyLength[row]!;
  }

  /** Sweeps the tombstones: live rows renumbered in their order, postings rewritten. */
  private compact(): void {
    const newRow = new Int32Array(this.size).fill(-1);
    let next = 0;
    for (let row = 0; row < this.size; row++) {
      if (this.state[row] === 0) continue;
      newRow[row] = next;
      this.ids[next] = this.ids[row]!;
      this.documentIds[next] = this.documentIds[row]!;
      this.workspaceIds[next] = this.workspaceIds[row]!;
      this.rowTerms[next] = this.rowTerms[row]!;
      this.titleLength[next] = this.titleLength[row]!;
      this.bodyLength[next] = this.bodyLength[row]!;
      this.state[next] = this.state[row]!;
      next++;
    }
    this.size = next;
    this.ids.length = this.documentIds.length = this.workspaceIds.length = this.rowTerms.length = next;
    for (const [term, postings] of this.postings) {
      postings.compact(newRow);
      if (postings.length === 0) this.postings.delete(term);
    }
    this.rowOf.clear();
    this.rowsOfDocument.clear();
    for (let row = 0; row < next; row++) {
      this.rowOf.set(this.ids[row]!, row);
      this.documentRows(this.documentIds[row]!).add(row);
    }
  }

  private documentRows(documentId: string): Set<number> {
    const rows = this.rowsOfDocument.get(documentId) ?? new Set<number>();
    this.rowsOfDocument.set(documentId, rows);
    return rows;
  }

  private grow(): void {
    const capacity = this.state.length * 2;
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(from: T, make: (n: number) => T): T => {
      const to = make(capacity);
      to.set(from);
      return to;
    };
    this.titleLength = widen(this.titleLength, (n) => new Int32Array(n));
    this.bodyLength = widen(this.bodyLength, (n) => new Int32Array(n));
    this.state = widen(this.state, (n) => new Uint8Array(n));
    this.scores = new Float64Array(capacity);
  }
}
