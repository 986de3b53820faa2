import { describe, expect, it } from "vitest";
import { analyze } from "../src/lexical/analyzer";
import { chunkTerms, DEFAULT_BM25, idf, queryTerms } from "../src/lexical/bm25";
import { LexicalPartition } from "../src/lexical/lexical-partition";

const partitionOf = (docs: Record<string, { title?: string; text: string }>) => {
  const partition = new LexicalPartition();
  for (const [id, doc] of Object.entries(docs)) {
    partition.upsert({ id, documentId: id, workspaceId: "ws", terms: chunkTerms(doc.title ?? "", doc.text) });
    partition.markReady(id);
  }
  return partition;
};
const search = (partition: LexicalPartition, query: string, params = DEFAULT_BM25) =>
  partition.search(queryTerms(query), 10, params);

describe("analyzer", () => {
  it("lower-cases, drops Lucene's stop words and possessives, and Porter-stems", () => {
    expect(analyze("The Libraries' indexing of the user's RETRIEVAL systems")).toEqual([
      "librari",
      "index",
      "user",
      "retriev",
      "system",
    ]);
  });
});

describe("BM25F", () => {
  it("uses Lucene's idf: ln(1 + (N - df + 0.5) / (df + 0.5))", () => {
    expect(idf(10, 1)).toBeCloseTo(Math.log(1 + 9.5 / 1.5), 12);
    expect(idf(3, 3)).toBeGreaterThan(0);
  });

  it("scores a one-field chunk as textbook BM25 (k1 1.2, b 0.75), by hand", () => {
    // Three texts of 2, 3 and 1 terms (average 2); "cat" is in two of them.
    const partition = partitionOf({ a: { text: "cat dog" }, b: { text: "cat cat bird" }, c: { text: "fish" } });
    const w = (tf: number, length: number) => (tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * length) / 2));
    const catIdf = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
    const hits = search(partition, "cat");
    expect(hits.map((h) => h.id)).toEqual(["b", "a"]);
    expect(hits[0]!.score).toBeCloseTo(catIdf * w(2, 3), 10);
    expect(hits[1]!.score).toBeCloseTo(catIdf * w(1, 2), 10);
  });

  it("ranks a chunk with the rare query word above one with only the common word", () => {
    const partition = partitionOf({
      common1: { text: "report on the library budget" },
      common2: { text: "library opening hours report" },
      rare: { text: "library thesaurus construction" },
      other: { text: "library staff report" },
    });
    expect(search(partition, "library thesaurus report")[0]!.id).toBe("rare");
  });

  it("counts the document's title as a field of every chunk, weighted by titleWeight", () => {
    const partition = partitionOf({
      titled: { title: "Thesaurus design", text: "notes from the meeting" },
      plain: { text: "a thesaurus mentioned once among many other words in a long passage of text" },
    });
    expect(search(partition, "thesaurus").map((h) => h.id)).toContain("titled");
    expect(search(partition, "thesaurus", { ...DEFAULT_BM25, titleWeight: 0 }).map((h) => h.id)).toEqual(["plain"]);
  });

  it("gives the same scores whatever order chunks were indexed in, and forgets removed ones", () => {
    const docs = { a: { text: "alpha beta" }, b: { text: "beta gamma gamma" }, c: { text: "gamma delta" } };
    const forward = search(partitionOf(docs), "gamma beta");
    const reversed = search(partitionOf(Object.fromEntries(Object.entries(docs).reverse())), "gamma beta");
    expect(reversed).toEqual(forward);
    const partition = partitionOf({ ...docs, d: { text: "gamma gamma gamma" } });
    partition.remove("d");
    expect(search(partition, "gamma beta")).toEqual(forward);
  });

  it("returns exactly the exhaustive ranking's best when it skips common words' postings (MaxScore)", () => {
    const words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa"];
    const docs: Record<string, { text: string }> = {};
    for (let i = 0; i < 400; i++) {
      const text = Array.from({ length: 5 + (i % 7) }, (_, k) => words[(i * 31 + k * k * 7) % (1 + (k % 8))]!);
      if (i % 50 === 0) text.push("rare");
      docs[`c${i}`] = { text: text.join(" ") };
    }
    const partition = partitionOf(docs);
    const terms = queryTerms("rare alpha beta gamma");
    const exhaustive = partition.search(terms, 1000, DEFAULT_BM25);
    expect(partition.search(terms, 3, DEFAULT_BM25)).toEqual(exhaustive.slice(0, 3));
  });

  it("keeps staged chunks out of results until their document is ready", () => {
    const partition = new LexicalPartition();
    partition.upsert({ id: "x", documentId: "doc", workspaceId: "ws", terms: chunkTerms("", "staged words") });
    expect(search(partition, "staged")).toEqual([]);
    partition.markReady("doc");
    expect(search(partition, "staged").map((h) => h.id)).toEqual(["x"]);
  });
});
