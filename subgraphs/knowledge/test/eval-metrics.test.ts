import { describe, expect, it } from "vitest";
import { ndcgAt, recallAt } from "../../../bench/eval/metrics";
import { ReferenceBm25 } from "../../../bench/eval/reference-bm25";
import { parseQrels, parseTaggedRecords } from "../../../bench/eval/trec-collection";

describe("search evaluation (bench/eval)", () => {
  it("computes nDCG@k with binary gains against the ideal of all judged documents, by hand", () => {
    // Relevant at ranks 1 and 3, three judged: DCG = 1 + 1/log2(4); ideal = 1 + 1/log2(3) + 1/log2(4).
    const expected = (1 + 0.5) / (1 + 1 / Math.log2(3) + 0.5);
    expect(ndcgAt(10, ["a", "x", "b", "y"], new Set(["a", "b", "c"]))).toBeCloseTo(expected, 12);
    expect(ndcgAt(1, ["x", "a"], new Set(["a"]))).toBe(0);
    expect(ndcgAt(10, ["a"], new Set(["a"]))).toBe(1);
  });

  it("computes recall@k", () => {
    expect(recallAt(2, ["a", "x", "b"], new Set(["a", "b"]))).toBe(0.5);
    expect(recallAt(3, ["a", "x", "b"], new Set(["a", "b"]))).toBe(1);
  });

  it("reads tagged records and both qrels layouts", () => {
    const [first, second] = parseTaggedRecords(".I 1\n.T\nA title\n.W\nsome\ntext\n.I 2\n.W\nmore");
    expect(first!.id).toBe("1");
    expect(first!.fields.get("T")!.trim()).toBe("A title");
    expect(first!.fields.get("W")!.replace(/\s+/g, " ").trim()).toBe("some text");
    expect(second!.fields.get("W")!.trim()).toBe("more");
    expect(parseQrels("  1   28\t0\t0.000000\n 1 35 0 0.0\n")).toEqual(new Map([["1", new Set(["28", "35"])]]));
    expect(parseQrels("7 0 d1 1\n7 0 d2 0\n")).toEqual(new Map([["7", new Set(["d1"])]]));
  });

  it("ranks by textbook BM25 in the reference scorer", () => {
    const bm25 = new ReferenceBm25(["a", "b", "c"], ["cat dog", "cat cat bird", "fish"]);
    expect(bm25.rank("cats", 10)).toEqual(["b", "a"]);
  });
});
