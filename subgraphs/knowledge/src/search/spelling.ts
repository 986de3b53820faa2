import { contentWords, scrambleKey, stem } from "../embedding/text-features";

/** Shorter words are left alone: too many short words lie one edit apart. */
const MIN_LENGTH = 4;

/** True when `a` becomes `b` by one insertion, deletion, substitution or adjacent transposition. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Rewrites the query's words found nowhere in `texts` (the dense ranking's best passages) to the
 * most frequent word of those passages one edit away or with the same inner letters reordered:
 * "Obrit reserach participnats" → "orbit research participants". Null when nothing changes.
 * Full-text search is exact; this lets the hybrid's keyword leg find what a typo hid from it.
 */
export function correctSpelling(query: string, texts: string[]): string | null {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of contentWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const stems = new Set([...counts.keys()].map(stem));
  let changed = false;
  const words = contentWords(query).map((word) => {
    if (word.length < MIN_LENGTH || /\d/.test(word) || counts.has(word) || stems.has(stem(word))) return word;
    const key = scrambleKey(word);
    let best: string | null = null;
    for (const [candidate, count] of counts) {
      if (candidate.length < MIN_LENGTH) continue;
      if (!withinOneEdit(word, candidate) && scrambleKey(candidate) !== key) continue;
      const bestCount = best ? counts.get(best)! : 0;
      if (count > bestCount || (count === bestCount && best !== null && candidate < best)) best = candidate;
    }
    if (!best) return word;
    changed = true;
    return best;
  });
  return changed ? words.join(" ") : null;
}
