/**
 * Sums weights per 32-bit feature id: an open-addressing table over typed arrays, reused
 * between texts (a Map allocates per entry; this is the embedder's hot loop).
 */
export class FeatureCounter {
  private keys = new Uint32Array(1 << 12);
  private values = new Float64Array(1 << 12);
  private used = new Uint8Array(1 << 12);
  private readonly slots: number[] = [];

  add(id: number, weight: number): void {
    if ((this.slots.length + 1) * 4 > this.keys.length * 3) this.grow();
    const mask = this.keys.length - 1;
    let slot = (Math.imul(id, 0x9e3779b1) >>> 0) & mask;
    while (this.used[slot] && this.keys[slot] !== id) slot = (slot + 1) & mask;
    if (!this.used[slot]) {
      this.used[slot] = 1;
      this.keys[slot] = id;
      this.values[slot] = 0;
      this.slots.push(slot);
    }
    this.values[slot]! += weight;
  }

  /**
   * Folds every feature into `vector` (index id mod its length, sign from the id's top bit,
   * sublinear weight log(1 + sum)) and empties the table. A loop here rather than a visitor
   * callback: this runs for every feature of every chunk ingested.
   */
  foldInto(vector: Float32Array): void {
    const { keys, values, used, slots } = this;
    const dimensions = vector.length;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const id = keys[slot]!;
      // Sublinear TF: a word said ten times is not ten times as relevant.
      vector[id % dimensions]! += (id & 0x80000000 ? -1 : 1) * Math.log1p(values[slot]!);
      used[slot] = 0;
    }
    slots.length = 0;
  }

  private grow(): void {
    const entries = this.slots.map((slot) => [this.keys[slot]!, this.values[slot]!] as const);
    for (const slot of this.slots) this.used[slot] = 0;
    this.slots.length = 0;
    const size = this.keys.length * 2;
    this.keys = new Uint32Array(size);
    this.values = new Float64Array(size);
    this.used = new Uint8Array(size);
    for (const [id, value] of entries) this.add(id, value);
  }
}
