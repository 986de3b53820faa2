import { columnScores } from "./column-scores";
import { type SimdScores, simdScoresModule, wasm } from "./simd-scores";

/** From this many rows a matrix lives in WebAssembly memory and is scored with SIMD. */
const SIMD_FROM_ROWS = 8192;
/** A 32-bit WebAssembly memory addresses 4 GiB; a larger matrix stays in JavaScript. */
const SIMD_MAX_BYTES = 2 ** 32;
const PAGE = 65_536;

interface Backing {
  data: Float32Array;
  scores: Float32Array;
  /** Set when the backing is WebAssembly memory: the SIMD kernel and its term arrays. */
  simd?: { run: SimdScores; offsets: Int32Array; weights: Float32Array };
}

/**
 * Vectors stored dimension by dimension (dimension `d` of row `r` at `d * capacity + r`), so a
 * sparse query reads only its non-zero dimensions' columns, each sequentially. Small matrices
 * are plain typed arrays scored in JavaScript; large ones live in their own WebAssembly memory
 * (one per large matrix: each reserves address space, so small ones do not get one).
 */
export class ColumnMatrix {
  private backing: Backing;

  constructor(
    private readonly dims: number,
    private cap = 256,
  ) {
    this.backing = ColumnMatrix.allocate(dims, cap);
  }

  get capacity(): number {
    return this.cap;
  }

  setRow(row: number, vector: Float32Array): void {
    const { data } = this.backing;
    for (let d = 0; d < this.dims; d++) data[d * this.cap + row] = vector[d] ?? 0;
  }

  copyRow(from: number, to: number): void {
    const { data } = this.backing;
    for (let d = 0; d < this.dims; d++) data[d * this.cap + to] = data[d * this.cap + from]!;
  }

  /** Doubles the capacity, keeping the first `rows` rows. */
  grow(rows: number): void {
    const cap = this.cap * 2;
    const next = ColumnMatrix.allocate(this.dims, cap);
    for (let d = 0; d < this.dims; d++) {
      next.data.set(this.backing.data.subarray(d * this.cap, d * this.cap + rows), d * cap);
    }
    this.backing = next;
    this.cap = cap;
  }

  /** Dot products of `query` with rows `0 .. rows`: valid until the next call or growth. */
  scores(query: Float32Array, rows: number): Float32Array {
    const { data, scores, simd } = this.backing;
    if (!simd) {
      columnScores(data, this.cap, rows, query, scores);
      return scores;
    }
    // Terms padded to a multiple of four repeat the first one with weight 0.
    let terms = 0;
    for (let d = 0; d < this.dims; d++) {
      if (query[d] === 0) continue;
      simd.offsets[terms] = d * this.cap * 4;
      simd.weights[terms++] = query[d]!;
    }
    if (terms === 0) return scores.fill(0, 0, rows);
    for (; terms % 4 !== 0; terms++) {
      simd.offsets[terms] = simd.offsets[0]!;
      simd.weights[terms] = 0;
    }
    simd.run(
      data.byteOffset,
      Math.ceil(rows / 4) * 16,
      scores.byteOffset,
      terms,
      simd.offsets.byteOffset,
      simd.weights.byteOffset,
    );
    return scores;
  }

  private static allocate(dims: number, cap: number): Backing {
    // Layout: the matrix, the scores, then the term offsets and weights (dims + 4 each, padded).
    const floats = dims * cap + cap + 2 * (dims + 4);
    if (cap < SIMD_FROM_ROWS || floats * 4 > SIMD_MAX_BYTES) {
      return { data: new Float32Array(dims * cap), scores: new Float32Array(cap) };
    }
    const pages = Math.ceil((floats * 4) / PAGE);
    const memory = new wasm.Memory({ initial: pages, maximum: pages });
    const instance = new wasm.Instance(simdScoresModule, { env: { memory } });
    const { buffer } = memory;
    const scoresAt = dims * cap * 4;
    const offsetsAt = scoresAt + cap * 4;
    return {
      data: new Float32Array(buffer, 0, dims * cap),
      scores: new Float32Array(buffer, scoresAt, cap),
      simd: {
        run: instance.exports.scores as SimdScores,
        offsets: new Int32Array(buffer, offsetsAt, dims + 4),
        weights: new Float32Array(buffer, offsetsAt + (dims + 4) * 4, dims + 4),
      },
    };
  }
}
