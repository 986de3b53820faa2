import { describe, expect, it } from "vitest";
import { createQueryIds } from "../src/subscriptions/query-ids";

describe("catch-up query numbers", () => {
  it("are the same for the same text and never handed out twice, even after the table is cleared", () => {
    const idOf = createQueryIds(3);
    const first = ["a", "b", "c"].map(idOf);
    expect(idOf("a")).toBe(first[0]);
    // The fourth text clears the table: older subscriptions still hold 0, 1 and 2.
    const later = ["d", "e", "a"].map(idOf);
    expect(new Set([...first, ...later]).size).toBe(6);
  });
});
