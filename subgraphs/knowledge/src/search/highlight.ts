import { tokenSpans } from "../lexical/analyzer";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Words around the best passage's first and last match. */
const WINDOW_TERMS = 30;

/**
 * The passage of a chunk holding most of the query's terms, HTML-escaped, those terms wrapped
 * in `<mark>`: the same analyzer that indexed the chunk decides what matched (so "indexing"
 * is marked for a query for "indexes"), in every search mode.
 */
export function highlight(text: string, query: string): string {
  const wanted = new Set(tokenSpans(query).map((s) => s.term));
  const spans = tokenSpans(text);
  let best = 0;
  let bestHits = -1;
  let hits = 0;
  for (let end = 0; end < spans.length; end++) {
    if (wanted.has(spans[end]!.term)) hits++;
    const start = end - WINDOW_TERMS + 1;
    if (start > 0 && wanted.has(spans[start - 1]!.term)) hits--;
    if (hits > bestHits) [best, bestHits] = [Math.max(0, start), hits];
  }
  const window = spans.slice(best, best + WINDOW_TERMS);
  if (window.length === 0) return escapeHtml(text.slice(0, 300));
  const from = best === 0 ? 0 : window[0]!.start;
  const to = best + WINDOW_TERMS >= spans.length ? text.length : window.at(-1)!.end;
  let out = from > 0 ? "… " : "";
  let at = from;
  for (const span of window) {
    if (!wanted.has(span.term)) continue;
    out += `${escapeHtml(text.slice(at, span.start))}<mark>${escapeHtml(text.slice(span.start, span.end))}</mark>`;
    at = span.end;
  }
  return `${out}${escapeHtml(text.slice(at, to))}${to < text.length ? " …" : ""}`;
}
