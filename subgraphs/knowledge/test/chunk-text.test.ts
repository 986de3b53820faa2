import { describe, expect, it } from "vitest";
import { chunkText } from "../src/ingestion/chunk-text";
import { countTokens } from "../src/ingestion/count-tokens";

const sentences = (n: number) =>
  Array.from({ length: n }, (_, i) => `Sentence ${i} covers the brand palette in detail.`).join(" ");

describe("chunkText", () => {
  it("packs whole sentences up to the size and never cuts one", () => {
    const chunks = chunkText(sentences(60), { size: 60, overlap: 0 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.tokenCount).toBeLessThanOrEqual(60);
      expect(chunk.text).toMatch(/^Sentence \d+ .*detail\.$/);
      expect(chunk.tokenCount).toBe(countTokens(chunk.text));
    }
    expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
  });

  it("repeats trailing sentences of a chunk at the start of the next (overlap)", () => {
    const chunks = chunkText(sentences(30), { size: 40, overlap: 15 });
    const lastSentenceOfFirst = chunks[0]!.text.split(/(?<=\.) /).at(-1)!;
    expect(chunks[1]!.text.startsWith(lastSentenceOfFirst)).toBe(true);
  });

  it("cuts an overlong sentence at words", () => {
    const long = Array.from({ length: 500 }, (_, i) => `word${i}`).join(" ");
    const chunks = chunkText(long, { size: 100, overlap: 10 });
    expect(chunks.length).toBeGreaterThan(4);
    for (const chunk of chunks) expect(chunk.tokenCount).toBeLessThanOrEqual(100);
  });

  it("refuses an overlap not smaller than the size", () => {
    expect(() => chunkText("a", { size: 10, overlap: 10 })).toThrow();
  });
});
