import { describe, expect, it } from "vitest";
import { createBuiltinProvider } from "../src/generation/builtin-provider";
import { checkContent } from "../src/generation/content-safety";
import { readPngSize } from "../src/generation/png";

const job = {
  prompt: "a red bicycle",
  styleGuidance: null,
  seed: 7,
  palette: ["#FF0000", "#00FF00"],
  width: 64,
  height: 48,
  phase: "SAMPLES" as const,
  model: { name: "atelier-builtin-image", version: "1.0.0" },
};

describe("the built-in generation provider", () => {
  const provider = createBuiltinProvider();

  it("makes valid PNGs of the asked size", async () => {
    const image = await provider.generate(job);
    expect(image.mimeType).toBe("image/png");
    expect(readPngSize(image.bytes)).toEqual({ width: 64, height: 48 });
  });

  it("is deterministic in prompt, seed and palette", async () => {
    const a = await provider.generate(job);
    expect((await provider.generate(job)).bytes.equals(a.bytes)).toBe(true);
    expect((await provider.generate({ ...job, seed: 8 })).bytes.equals(a.bytes)).toBe(false);
    expect((await provider.generate({ ...job, prompt: "a blue bicycle" })).bytes.equals(a.bytes)).toBe(false);
    expect((await provider.generate({ ...job, palette: ["#0000FF"] })).bytes.equals(a.bytes)).toBe(false);
  });
});

describe("the content-safety check", () => {
  it("matches whole words of the denylist, case- and accent-insensitively", () => {
    expect(checkContent(["Some GORE please"], []).allowed).toBe(false);
    expect(checkContent(["a gorey story"], []).allowed).toBe(true);
    expect(checkContent(["a café with Brand X"], ["brand x"]).allowed).toBe(false);
    expect(checkContent(["a cafe"], ["café"]).allowed).toBe(false);
  });
});
