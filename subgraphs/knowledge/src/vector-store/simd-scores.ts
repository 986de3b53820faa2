/**
 * `columnScores` in WebAssembly with 128-bit SIMD: four rows per instruction, about five times
 * faster than the JavaScript loop (0.45 against 2.4 ms over 100,000 rows and 28 query
 * dimensions). The module is assembled here, a few dozen instructions, rather than shipped as a
 * binary or built by a toolchain the project does not otherwise need. Its text form:
 *
 *   (func (export "scores") (param $data $rowBytes $scores $terms $offsets $weights i32)
 *     zero $scores[0 .. $rowBytes)
 *     for each group of four terms $j (offsets and weights padded to a multiple of four):
 *       $o0..$o3 = $data + $offsets[$j+k];  $w0..$w3 = f32x4.splat($weights[$j+k])
 *       for $r in 0 .. $rowBytes step 16:
 *         v128.store($scores+$r, v128.load($scores+$r) + Σk $wk * v128.load($ok+$r))
 */

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    const byte = n & 0x7f;
    n >>>= 7;
    out.push(n ? byte | 0x80 : byte);
  } while (n);
  return out;
};
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...leb(bytes.length), ...bytes];
const name = (text: string): number[] => vec([...Buffer.from(text)].map((b) => [b]));

const I32 = 0x7f;
const V128 = 0x7b;
const get = (local: number) => [0x20, local];
const set = (local: number) => [0x21, local];
const i32 = (value: number) => [0x41, ...leb(value)]; // 0 to 63 only: there signed and unsigned LEB128 agree
const ADD = [0x6a];
const SHL = [0x74];
const GE_U = [0x4f];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const END = [0x0b];
const breakIf = (depth: number) => [0x0d, depth];
const branch = (depth: number) => [0x0c, depth];
const I32_LOAD = [0x28, 2, 0];
const F32_LOAD = [0x2a, 2, 0];
const V128_LOAD = [0xfd, 0x00, 4, 0];
const V128_STORE = [0xfd, 0x0b, 4, 0];
const V128_ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
const F32X4_SPLAT = [0xfd, 0x13];
const F32X4_ADD = [0xfd, 0xe4, 0x01];
const F32X4_MUL = [0xfd, 0xe6, 0x01];

// Parameters, then locals: $j, $r, $o0..$o3 (i32) and $w0..$w3 (v128).
const [DATA, ROW_BYTES, SCORES, TERMS, OFFSETS, WEIGHTS, J, R, O, W] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12];

/** `for (; $r < $rowBytes; $r += 16) body` */
// biome-ignore format: one instruction sequence per line reads as code
const overRows = (body: number[]) => [
  ...i32(0), ...set(R), ...BLOCK, ...LOOP,
  ...get(R), ...get(ROW_BYTES), ...GE_U, ...breakIf(1),
  ...body,
  ...get(R), ...i32(16), ...ADD, ...set(R), ...branch(0), ...END, ...END,
];

/** The address of term `$j + k` in the offsets or weights array. */
const termAt = (k: number, base: number) => [...get(base), ...get(J), ...i32(k), ...ADD, ...i32(2), ...SHL, ...ADD];

// biome-ignore format: one instruction sequence per line reads as code
const BODY = [
  ...overRows([...get(SCORES), ...get(R), ...ADD, ...V128_ZERO, ...V128_STORE]),
  ...i32(0), ...set(J), ...BLOCK, ...LOOP,
  ...get(J), ...get(TERMS), ...GE_U, ...breakIf(1),
  ...[0, 1, 2, 3].flatMap((k) => [
    ...get(DATA), ...termAt(k, OFFSETS), ...I32_LOAD, ...ADD, ...set(O + k),
    ...termAt(k, WEIGHTS), ...F32_LOAD, ...F32X4_SPLAT, ...set(W + k),
  ]),
  ...overRows([
    ...get(SCORES), ...get(R), ...ADD,
    ...get(SCORES), ...get(R), ...ADD, ...V128_LOAD,
    ...[0, 1, 2, 3].flatMap((k) => [...get(O + k), ...get(R), ...ADD, ...V128_LOAD, ...get(W + k), ...F32X4_MUL, ...F32X4_ADD]),
    ...V128_STORE,
  ]),
  ...get(J), ...i32(4), ...ADD, ...set(J), ...branch(0), ...END, ...END,
  ...END,
];

const FUNCTION = [
  ...vec([
    [...leb(6), I32],
    [...leb(4), V128],
  ]),
  ...BODY,
];

// The project's compiler libraries (ES2023, no DOM) type WebAssembly as a namespace only: the
// few members used here.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (limits: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
export const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The compiled module: one exported function over an imported memory `env.memory`. */
export const simdScoresModule = new wasm.Module(
  new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...section(1, vec([[0x60, ...vec(new Array(6).fill([I32])), 0]])),
    ...section(2, vec([[...name("env"), ...name("memory"), 0x02, 0x00, 1]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...name("scores"), 0x00, 0]])),
    ...section(10, vec([[...leb(FUNCTION.length), ...FUNCTION]])),
  ]),
);

export type SimdScores = (
  data: number,
  rowBytes: number,
  scores: number,
  terms: number,
  offsets: number,
  weights: number,
) => void;
