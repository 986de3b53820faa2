import { parse } from "node-html-parser";

/** Visible text of an HTML page; scripts, styles and templates dropped, block breaks kept. */
export function htmlToText(html: string): string {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  for (const el of root.querySelectorAll("script, style, noscript, template")) el.remove();
  return root.structuredText.replace(/\n{3,}/g, "\n\n").trim();
}
