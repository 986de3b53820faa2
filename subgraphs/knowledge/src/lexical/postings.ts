/** One term's postings: rows holding it, with its frequency in each field. Grows by doubling. */
export class Postings {
  rows = new Int32Array(4);
  titleTf = new Uint16Array(4);
  bodyTf = new Uint16Array(4);
  length = 0;
  /** Rows still alive that hold the term (the document frequency). */
  live = 0;

  add(row: number, titleTf: number, bodyTf: number): void {
    if (this.length === this.rows.length) this.resize(this.length * 2);
    this.rows[this.length] = row;
    this.titleTf[this.length] = Math.min(titleTf, 0xffff);
    this.bodyTf[this.length] = Math.min(bodyTf, 0xffff);
    this.length++;
    this.live++;
  }

  /** Drops the postings of dead rows and renumbers the rest (`newRow[row]`, -1 for dead). */
  compact(newRow: Int32Array): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const row = newRow[this.rows[i]!]!;
      if (row < 0) continue;
      this.rows[kept] = row;
      this.titleTf[kept] = this.titleTf[i]!;
      this.bodyTf[kept] = this.bodyTf[i]!;
      kept++;
    }
    this.length = kept;
    this.live = kept;
    if (kept * 4 < this.rows.length) this.resize(Math.max(4, kept * 2));
  }

  private resize(capacity: number): void {
    const rows = new Int32Array(capacity);
    const titleTf = new Uint16Array(capacity);
    const bodyTf = new Uint16Array(capacity);
    rows.set(this.rows.subarray(0, this.length));
    titleTf.set(this.titleTf.subarray(0, this.length));
    bodyTf.set(this.bodyTf.subarray(0, this.length));
    [this.rows, this.titleTf, this.bodyTf] = [rows, titleTf, bodyTf];
  }
}
