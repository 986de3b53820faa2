import { stemmer } from "stemmer";

/**
 * Lucene's English stop list (33 words): short, so a query of common words still finds
 * something, and idf takes care of the rest.
 */
export const STOP_WORDS = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(
    " ",
  ),
);

/** A term of a text and where it stands, so highlighting marks what indexing counted. */
export interface TokenSpan {
  term: string;
  start: number;
  end: number;
}

// Letters and digits, with inner apostrophes ("don't", "user's") kept inside the token.
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** The term a word indexes as: lower-cased, accents folded, possessive dropped, Porter-stemmed; null for a stop word. */
export function termOf(word: string): string | null {
  let token = word.toLowerCase();
  const cached = stems.get(token);
  if (cached !== undefined) return cached || null;
  if (/[^ -~]/.test(token)) token = token.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  token = token.replace(/['’]s$/, "").replace(/['’]/g, "");
  const term = token.length === 0 || STOP_WORDS.has(token) ? "" : /^[a-z]+$/.test(token) ? stemmer(token) : token;
  if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
  stems.set(word.toLowerCase(), term);
  return term || null;
}

/** Every indexed term of a text with its position: the one analyzer of indexing, querying and highlighting. */
export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const term = termOf(match[0]);
    if (term) spans.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** The indexed terms of a text, in order, repeats kept. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const term = termOf(match[0]);
    if (term) terms.push(term);
  }
  return terms;
}

/** How often each term occurs in a text, and how many terms it has. */
export interface TermCounts {
  counts: Map<string, number>;
  length: number;
}

export function countTerms(text: string): TermCounts {
  const terms = analyze(text);
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { counts, length: terms.length };
}
