import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** A test collection: documents, queries and which documents are relevant to each query. */
export interface TestCollection {
  name: string;
  documents: { id: string; title: string; text: string }[];
  queries: { id: string; text: string }[];
  /** query id → relevant document ids (only judged queries appear). */
  qrels: Map<string, Set<string>>;
}

/**
 * Records of the SMART/TREC tagged format (`.I id` starts a record, `.T`, `.W`, `.A`, `.X`…
 * start fields): each record's id and its fields' text.
 */
export function parseTaggedRecords(text: string): { id: string; fields: Map<string, string> }[] {
  const records: { id: string; fields: Map<string, string> }[] = [];
  let field = "";
  for (const line of text.split(/\r?\n/)) {
    const tag = /^\.([A-Z])\b\s*(.*)$/.exec(line);
    if (tag?.[1] === "I") {
      records.push({ id: tag[2]!.trim(), fields: new Map() });
      field = "";
    } else if (tag) {
      field = tag[1]!;
      if (tag[2]) records.at(-1)?.fields.set(field, `${records.at(-1)?.fields.get(field) ?? ""}${tag[2]} `);
    } else if (field && records.length > 0) {
      const fields = records.at(-1)!.fields;
      fields.set(field, `${fields.get(field) ?? ""}${line} `);
    }
  }
  return records;
}

const clean = (text: string | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

/**
 * Relevance judgements, one per line: `query doc …` (CISI, CRAN, MED: `1 28 0 0.0`) or TREC's
 * `query 0 doc grade`. Told apart by the second column: TREC's is always 0 or Q0.
 */
export function parseQrels(text: string): Map<string, Set<string>> {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/))
    .filter((cols) => cols.length >= 3);
  const trec =
    lines.length > 0 &&
    lines.every((c) => c[1] === "0" || c[1] === "Q0") &&
    lines.length === lines.filter((c) => c.length === 4).length;
  const qrels = new Map<string, Set<string>>();
  for (const cols of lines) {
    const [query, doc, grade] = trec ? [cols[0]!, cols[2]!, Number(cols[3])] : [cols[0]!, cols[1]!, 1];
    if (grade <= 0) continue;
    if (!qrels.has(query)) qrels.set(query, new Set());
    qrels.get(query)!.add(doc);
  }
  return qrels;
}

/**
 * The collection's directory: `--data <dir>`, else `EVAL_DATA_DIR`, else `shared/data/<name>`
 * next to the checkout or one of its parents (`../shared/data/cisi` beside the repository).
 */
export function locateCollection(name: string, explicit?: string): string {
  if (explicit) return resolve(explicit);
  if (process.env.EVAL_DATA_DIR) return resolve(process.env.EVAL_DATA_DIR, name);
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, "shared", "data", name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`collection ${name} not found: pass --data <dir> or set EVAL_DATA_DIR`);
}

/** Loads `*.ALL` (documents: `.T` title, `.W` text), `*.QRY` (queries: `.T` and `.W`) and `*.REL` (qrels) from a directory. */
export function loadTestCollection(name: string, dir: string): TestCollection {
  const files = readdirSync(dir);
  const file = (suffix: string) => {
    const found = files.find((f) => f.toUpperCase().endsWith(suffix));
    if (!found) throw new Error(`no *${suffix} file in ${dir}`);
    return readFileSync(join(dir, found), "latin1");
  };
  const documents = parseTaggedRecords(file(".ALL")).map((r) => ({
    id: r.id,
    title: clean(r.fields.get("T")),
    text: clean(r.fields.get("W")),
  }));
  // A query is its title and text (`.A` authors and `.B` sources are not words of the need).
  const queries = parseTaggedRecords(file(".QRY")).map((r) => ({
    id: r.id,
    text: clean(`${r.fields.get("T") ?? ""} ${r.fields.get("W") ?? ""}`),
  }));
  return { name, documents, queries, qrels: parseQrels(file(".REL")) };
}
