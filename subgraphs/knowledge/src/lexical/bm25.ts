import { countTerms, type TermCounts } from "./analyzer";

/** BM25F over two fields of a chunk: its document's title and its own text. */
export interface Bm25Params {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation of the text. */
  b: number;
  /** How much a title occurrence counts against one in the text. */
  titleWeight: number;
  /** Length normalisation of the title. */
  titleB: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75, titleWeight: 1, titleB: 0.75 };

/** A chunk's analysed fields, what every lexical index stores for it. */
export interface ChunkTerms {
  title: TermCounts;
  body: TermCounts;
}

export function chunkTerms(title: string, text: string): ChunkTerms {
  return { title: countTerms(title), body: countTerms(text) };
}

/** Lucene's idf: never negative, however common the term. */
export function idf(documents: number, documentFrequency: number): number {
  return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * The BM25F term weight before idf: both fields' frequencies normalised by their lengths,
 * summed (the title weighted), then saturated once.
 */
export function termWeight(
  p: Bm25Params,
  titleTf: number,
  titleLength: number,
  avgTitleLength: number,
  bodyTf: number,
  bodyLength: number,
  avgBodyLength: number,
): number {
  const body = bodyTf > 0 ? bodyTf / (1 - p.b + (p.b * bodyLength) / (avgBodyLength || 1)) : 0;
  const title = titleTf > 0 ? titleTf / (1 - p.titleB + (p.titleB * titleLength) / (avgTitleLength || 1)) : 0;
  const tf = body + p.titleWeight * title;
  return (tf * (p.k1 + 1)) / (p.k1 + tf);
}

/** A query's terms with how often each occurs (a repeated word counts again, as in Lucene). */
export function queryTerms(query: string): Map<string, number> {
  return countTerms(query).counts;
}
