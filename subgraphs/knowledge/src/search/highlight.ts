import { contentWords, stem } from "../embedding/text-features";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export const MARK_OPEN = "\u0001";
export const MARK_CLOSE = "\u0002";

/** Escapes a passage for HTML and turns the sentinel markers into `<mark>` tags. */
export function markedPassage(text: string): string {
  return escapeHtml(text).replaceAll(MARK_OPEN, "<mark>").replaceAll(MARK_CLOSE, "</mark>");
}

/**
 * The passage of a chunk sharing most words (by stem) with the query, matched words marked:
 * the dense-search counterpart of `ts_headline`.
 */
export function termOverlapHighlight(text: string, query: string, windowWords = 30): string {
  const wanted = new Set(contentWords(query).map(stem));
  const words = text.split(/\s+/).filter(Boolean);
  const hit = words.map((w) => contentWords(w).some((cw) => wanted.has(stem(cw))));
  let best = 0;
  let bestHits = -1;
  for (let start = 0; start < Math.max(1, words.length - windowWords + 1); start++) {
    const hits = hit.slice(start, start + windowWords).filter(Boolean).length;
    if (hits > bestHits) [best, bestHits] = [start, hits];
  }
  const slice = words
    .slice(best, best + windowWords)
    .map((w, i) => (hit[best + i] ? `${MARK_OPEN}${w}${MARK_CLOSE}` : w))
    .join(" ");
  return markedPassage(`${best > 0 ? "… " : ""}${slice}${best + windowWords < words.length ? " …" : ""}`);
}
