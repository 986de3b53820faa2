import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Text of every page of a PDF (pdf.js legacy build: no browser, no canvas). */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const lines = content.items.map((item) => ("str" in item ? `${item.str}${item.hasEOL ? "\n" : ""}` : ""));
      pages.push(
        lines
          .join("")
          .replace(/[ \t]+/g, " ")
          .trim(),
      );
    }
    return pages.join("\n\n");
  } finally {
    await pdf.destroy();
  }
}
