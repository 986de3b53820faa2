import { describe, expect, it } from "vitest";
import { HashingEmbedder } from "../src/embedding/hashing-embedder";

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe("HashingEmbedder (built-in)", () => {
  const embedder = new HashingEmbedder(1024);

  it("is deterministic and unit-length", async () => {
    const [a, b] = await embedder.embed(["Brand colours for the spring launch", "Brand colours for the spring launch"]);
    expect(Array.from(a!)).toEqual(Array.from(b!));
    expect(cosine(a!, a!)).toBeCloseTo(1, 5);
    expect(a!.length).toBe(1024);
  });

  it("places a paraphrase sharing stems nearer than an unrelated text", async () => {
    const [query, paraphrase, unrelated] = await embedder.embed([
      "guidelines for using the logo on dark backgrounds",
      "Our logo guideline: when the background is dark, use the white version of the logo.",
      "Quarterly survey of customer churn among small retailers in Ohio.",
    ]);
    expect(cosine(query!, paraphrase!)).toBeGreaterThan(cosine(query!, unrelated!) + 0.2);
  });

  it("gives partial credit to inflections through stems and trigrams", async () => {
    const [a, b, c] = await embedder.embed(["launching campaigns", "campaign launch", "invoice payment"]);
    expect(cosine(a!, b!)).toBeGreaterThan(0.4);
    expect(cosine(a!, c!)).toBeLessThan(0.15);
  });

  it("gives a word with transposed inner letters partial credit through its trigrams", async () => {
    const [typo, word, other] = await embedder.embed([
      "reserach participnats",
      "research participants",
      "recruitment pricing",
    ]);
    expect(cosine(typo!, word!)).toBeGreaterThan(0.2);
    expect(cosine(typo!, other!)).toBeLessThan(0.15);
  });
});
