/**
 * Approximates a BPE tokenizer's count (cl100k-like) without its tables: a word costs one
 * token per ~4 characters, each punctuation mark one. Close enough to size chunks.
 */
export function countTokens(text: string): number {
  let tokens = 0;
  for (const piece of text.match(/[A-Za-z0-9\u00C0-\uFFFF]+|[^\sA-Za-z0-9\u00C0-\uFFFF]/g) ?? []) {
    tokens += piece.length <= 4 ? 1 : Math.ceil(piece.length / 4);
  }
  return tokens;
}
