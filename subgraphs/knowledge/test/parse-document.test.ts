import { describe, expect, it } from "vitest";
import { parseDocument } from "../src/parsing/parse-document";
import { ParseError } from "../src/parsing/parse-error";
import { makeDocx, makePdf } from "./document-files";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("parseDocument", () => {
  it("reads Markdown as text without markup", async () => {
    const text = await parseDocument(
      "text/markdown",
      utf8("# Brand voice\n\nWe speak **plainly** and [warmly](https://x.test).\n\n- short\n- kind"),
    );
    expect(text).toContain("Brand voice");
    expect(text).toContain("We speak plainly and warmly.");
    expect(text).not.toMatch(/\*\*|\]\(|#/);
  });

  it("reads HTML as visible text, scripts and styles dropped", async () => {
    const text = await parseDocument(
      "text/html",
      utf8(
        "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><h1>Launch plan</h1><p>Ship in <b>May</b>.</p></body></html>",
      ),
    );
    expect(text).toContain("Launch plan");
    expect(text).toContain("Ship in May.");
    expect(text).not.toContain("alert");
    expect(text).not.toContain("color");
  });

  it("reads the text of a PDF", async () => {
    const text = await parseDocument(
      "application/pdf",
      await makePdf(["Campaign brief for the autumn range", "Audience: first-time buyers"]),
    );
    expect(text).toContain("Campaign brief for the autumn range");
    expect(text).toContain("first-time buyers");
  });

  it("reads the text of a DOCX", async () => {
    const bytes = await makeDocx(["Research note on packaging", "Recycled card tested best."]);
    const text = await parseDocument("application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes);
    expect(text).toContain("Research note on packaging");
    expect(text).toContain("Recycled card tested best.");
  });

  it("fails with a reason on a corrupt PDF", async () => {
    await expect(parseDocument("application/pdf", utf8("%PDF-1.7 this is not really a pdf"))).rejects.toThrow(
      ParseError,
    );
    await expect(parseDocument("application/pdf", utf8("not a pdf"))).rejects.toThrow(
      /could not parse application\/pdf/,
    );
  });

  it("fails on content with no text", async () => {
    await expect(parseDocument("text/html", utf8("<html><body><script>x</script></body></html>"))).rejects.toThrow(
      /no text found/,
    );
  });
});
