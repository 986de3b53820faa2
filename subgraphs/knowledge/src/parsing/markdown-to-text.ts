import { marked, type Token } from "marked";

function textOf(tokens: Token[]): string[] {
  const parts: string[] = [];
  for (const token of tokens) {
    const t = token as Token & { tokens?: Token[]; items?: Token[]; text?: string; rows?: unknown; header?: unknown };
    if (t.type === "space" || t.type === "hr" || t.type === "html") continue;
    if (t.type === "list" && t.items) parts.push(textOf(t.items).join("\n"));
    else if (t.type === "table")
      parts.push(tableText(t as unknown as { header: { text: string }[]; rows: { text: string }[][] }));
    else if (t.tokens && t.tokens.length > 0) parts.push(textOf(t.tokens).join(t.type === "paragraph" ? "" : " "));
    else if (typeof t.text === "string") parts.push(t.text);
  }
  return parts;
}

function tableText(table: { header: { text: string }[]; rows: { text: string }[][] }): string {
  return [table.header, ...table.rows].map((row) => row.map((cell) => cell.text).join(" | ")).join("\n");
}

/** Markdown to plain text through marked's lexer: markup goes, the words and block breaks stay. */
export function markdownToText(markdown: string): string {
  const blocks = marked.lexer(markdown);
  return blocks
    .map((block) => textOf([block]).join(" "))
    .filter((text) => text.trim())
    .join("\n\n");
}
