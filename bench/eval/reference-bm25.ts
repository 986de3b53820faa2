import { stemmer } from "stemmer";

/** Lucene's English stop list, as in the reference setups the collections are quoted with. */
const LUCENE_STOP_WORDS = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(
    " ",
  ),
);

/** Lower-cased words, stop words dropped, Porter-stemmed: a plain analyzer, kept apart from the product's. */
export function referenceTerms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !LUCENE_STOP_WORDS.has(w)).map((w) => stemmer(w));
}

/**
 * A textbook BM25 over whole documents held in memory (Lucene's idf, every query word counted
 * as often as it occurs): the baseline an evaluation prints beside the service's modes.
 */
export class ReferenceBm25 {
  private readonly tfs: Map<string, number>[];
  private readonly lengths: number[];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(
    private readonly ids: string[],
    texts: string[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.tfs = texts.map((text) => {
      const tf = new Map<string, number>();
      for (const term of referenceTerms(text)) tf.set(term, (tf.get(term) ?? 0) + 1);
      for (const term of tf.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
      return tf;
    });
    this.lengths = this.tfs.map((tf) => [...tf.values()].reduce((a, b) => a + b, 0));
    this.avgLength = this.lengths.reduce((a, b) => a + b, 0) / (this.lengths.length || 1);
  }

  /** Document ids by descending score (ties by position), those matching no query word left out. */
  rank(query: string, limit: number): string[] {
    const n = this.ids.length;
    const scores = new Float64Array(n);
    for (const term of referenceTerms(query)) {
      const df = this.df.get(term);
      if (!df) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      this.tfs.forEach((tf, i) => {
        const f = tf.get(term);
        if (f)
          scores[i]! +=
            (idf * f * (this.k1 + 1)) / (f + this.k1 * (1 - this.b + (this.b * this.lengths[i]!) / this.avgLength));
      });
    }
    return [...scores.keys()]
      .filter((i) => scores[i]! > 0)
      .sort((a, b) => scores[b]! - scores[a]! || a - b)
      .slice(0, limit)
      .map((i) => this.ids[i]!);
  }
}
