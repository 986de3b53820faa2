import { describe, expect, it } from "vitest";
import { correctSpelling, withinOneEdit } from "../src/search/spelling";

describe("hybrid spelling correction", () => {
  it("accepts one insertion, deletion, substitution or adjacent transposition", () => {
    expect(withinOneEdit("research", "reserach")).toBe(true);
    expect(withinOneEdit("orbit", "robin")).toBe(false);
    expect(withinOneEdit("orbit", "obrit")).toBe(true);
    expect(withinOneEdit("campaign", "campain")).toBe(true);
    expect(withinOneEdit("campaign", "campaigns")).toBe(true);
    expect(withinOneEdit("colour", "colout")).toBe(true);
    expect(withinOneEdit("colour", "velour")).toBe(false);
  });

  it("corrects unknown words to the passages' words, and leaves known words and stems alone", () => {
    const passages = ["Research note for Orbit Telecom. Participants compared plans.", "Participants were recruited."];
    expect(correctSpelling("Obrit reserach participnats", passages)).toBe("orbit research participants");
    expect(correctSpelling("orbit participant", passages)).toBeNull();
    expect(correctSpelling("invoice payment", passages)).toBeNull();
  });
});
