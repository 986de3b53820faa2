import { countTokens } from "./count-tokens";

export interface ChunkOptions {
  /** Target tokens per chunk. */
  size: number;
  /** Tokens of trailing sentences repeated at the start of the next chunk. */
  overlap: number;
}

export interface TextChunk {
  index: number;
  text: string;
  tokenCount: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = { size: 400, overlap: 60 };

interface Sentence {
  text: string;
  tokens: number;
}

/** Sentences (and paragraph ends) of a text; a sentence longer than `max` tokens is cut at words. */
function sentencesOf(text: string, max: number): Sentence[] {
  const raw = text.split(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}"'“([])|\n\s*\n/u);
  const sentences: Sentence[] = [];
  for (const piece of raw) {
    const clean = piece.replace(/\s+/g, " ").trim();
    if (!clean) continue;
    const tokens = countTokens(clean);
    if (tokens <= max) {
      sentences.push({ text: clean, tokens });
      continue;
    }
    let words: string[] = [];
    let count = 0;
    for (const word of clean.split(" ")) {
      const cost = countTokens(word);
      if (count + cost > max && words.length > 0) {
        sentences.push({ text: words.join(" "), tokens: count });
        words = [];
        count = 0;
      }
      words.push(word);
      count += cost;
    }
    if (words.length > 0) sentences.push({ text: words.join(" "), tokens: count });
  }
  return sentences;
}

/**
 * Sentence-aware chunking: whole sentences are packed up to `size` tokens; the next chunk
 * starts with the previous one's last sentences, up to `overlap` tokens, so a passage cut
 * at a boundary is still found whole.
 */
export function chunkText(text: string, options: ChunkOptions = DEFAULT_CHUNKING): TextChunk[] {
  if (options.size < 1 || options.overlap < 0 || options.overlap >= options.size) {
    throw new Error("chunking: size must be positive and overlap smaller than size");
  }
  const sentences = sentencesOf(text, options.size);
  const chunks: TextChunk[] = [];
  let current: Sentence[] = [];
  let tokens = 0;
  let fresh = 0;
  const flush = () => {
    chunks.push({ index: chunks.length, text: current.map((s) => s.text).join(" "), tokenCount: tokens });
    const carried: Sentence[] = [];
    let carriedTokens = 0;
    for (let i = current.length - 1; i > 0; i--) {
      if (carriedTokens + current[i]!.tokens > options.overlap) break;
      carried.unshift(current[i]!);
      carriedTokens += current[i]!.tokens;
    }
    current = carried;
    tokens = carriedTokens;
    fresh = 0;
  };
  for (const sentence of sentences) {
    if (tokens + sentence.tokens > options.size && fresh > 0) flush();
    while (tokens + sentence.tokens > options.size && current.length > 0) tokens -= current.shift()!.tokens;
    current.push(sentence);
    tokens += sentence.tokens;
    fresh++;
  }
  if (fresh > 0) flush();
  return chunks;
}
