import mammoth from "mammoth";
import { htmlToText } from "./html-to-text";
import { markdownToText } from "./markdown-to-text";
import { ParseError } from "./parse-error";
import { pdfToText } from "./pdf-to-text";
import type { SupportedMimeType } from "./supported-types";

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ParseError("content is not valid UTF-8 text");
  }
}

async function extract(mimeType: SupportedMimeType, bytes: Uint8Array): Promise<string> {
  switch (mimeType) {
    case "text/plain":
      return utf8(bytes);
    case "text/markdown":
      return markdownToText(utf8(bytes));
    case "text/html":
      return htmlToText(utf8(bytes));
    case "application/pdf":
      return pdfToText(bytes);
    case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
      return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  }
}

/** Plain text of a document's content; a ParseError (with a reason a person can act on) if it has none. */
export async function parseDocument(mimeType: SupportedMimeType, bytes: Uint8Array): Promise<string> {
  let text: string;
  try {
    text = await extract(mimeType, bytes);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw new ParseError(`could not parse ${mimeType}: ${(error as Error).message}`);
  }
  const cleaned = text.replaceAll("\u0000", "").trim();
  if (!cleaned) throw new ParseError(`no text found in the ${mimeType} content`);
  return cleaned;
}
