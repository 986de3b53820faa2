/** Lexical features shared by the built-in embedder and the dense-search highlighter. */

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could do does for from had has have how i if in into is it its " +
    "may more most must no not of on or our over should so such than that the their them then there these " +
    "they this those to was we were what when where which while who whom why will with within would you your " +
    "about after all also any each every per via us its it's"
  ).split(" "),
);

/** Lower-cased alphanumeric words with accents folded, stopwords included: `contentWords` before its filter. */
export function allWords(text: string): string[] {
  // Folding accents is costly; most text has none to fold.
  const folded = /[\u0080-\uffff]/.test(text) ? text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : text;
  return folded.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Whether a word of `allWords` carries meaning: not a stopword, and a digit if a single character. */
export function isContentWord(word: string): boolean {
  return !STOPWORDS.has(word) && (word.length > 1 || /\d/.test(word));
}

/** Lower-cased alphanumeric words, accents folded, stopwords removed. */
export function contentWords(text: string): string[] {
  return allWords(text).filter(isContentWord);
}

const SUFFIXES: [string, string][] = [
  ["ational", "ate"],
  ["ization", "ize"],
  ["isation", "ize"],
  ["fulness", "ful"],
  ["iveness", "ive"],
  ["ations", "ate"],
  ["ation", "ate"],
  ["ements", ""],
  ["ement", ""],
  ["ments", ""],
  ["ment", ""],
  ["ness", ""],
  ["ities", ""],
  ["ity", ""],
  ["ings", ""],
  ["ing", ""],
  ["ised", "ize"],
  ["ized", "ize"],
  ["ises", "ize"],
  ["izes", "ize"],
  ["ise", "ize"],
  ["ies", "y"],
  ["ied", "y"],
  ["edly", ""],
  ["ed", ""],
  ["ers", ""],
  ["er", ""],
  ["ly", ""],
  ["es", ""],
  ["s", ""],
];

/** A light suffix-stripping stemmer: "guidelines" and "guideline", "launching" and "launch" meet. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      if (suffix === "s" && (word.endsWith("ss") || word.endsWith("us"))) return word;
      return word.slice(0, word.length - suffix.length) + replacement;
    }
  }
  return word;
}
