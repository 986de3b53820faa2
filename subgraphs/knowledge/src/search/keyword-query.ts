import { contentWords } from "../embedding/text-features";

/**
 * Postgres `to_tsquery` texts for a query: every word (AND), and any word (OR). People type
 * sentences, so a chunk lacking one word still counts, after those holding them all.
 */
export function keywordQueryTexts(query: string): { all: string; any: string } | null {
  const words = [...new Set(contentWords(query))];
  return words.length > 0 ? { all: words.join(" & "), any: words.join(" | ") } : null;
}

/** The OR form, used to highlight matched terms. */
export function keywordQueryText(query: string): string | null {
  return keywordQueryTexts(query)?.any ?? null;
}
