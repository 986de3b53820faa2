import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkSubgraph } from "../../scripts/check-layout";

const root = path.resolve(import.meta.dirname, "../..");
const live = new Set(Object.keys(JSON.parse(readFileSync(path.join(root, "schema/subscriptions.json"), "utf8"))));
const copies: string[] = [];

/** A copy of knowledge's sources (the smallest subgraph) to break on purpose. */
function knowledgeCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "atelier-layout-"));
  copies.push(dir);
  cpSync(path.join(root, "subgraphs/knowledge/src"), path.join(dir, "src"), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}generated`),
  });
  return dir;
}
const problemsOf = (dir: string) =>
  checkSubgraph(dir, live).problems.map((p) => p.replace(`${dir}/`, "").replace(`${dir}: `, ""));

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("npm run check:layout", () => {
  it("passes every subgraph of the repository, with all 140 root resolvers typed from codegen", () => {
    let typed = 0;
    for (const name of ["identity", "knowledge", "workflows", "creative"]) {
      const report = checkSubgraph(path.join(root, "subgraphs", name), live);
      expect(report.problems, name).toEqual([]);
      typed += report.typedRootResolvers;
    }
    expect(typed).toBe(140);
  });

  it("fails a root field without its file, and a file for a field the schema lacks", () => {
    const dir = knowledgeCopy();
    rmSync(path.join(dir, "src/resolvers/Query/document.ts"));
    writeFileSync(path.join(dir, "src/resolvers/Mutation/documents.ts"), "export {};\n");
    expect(problemsOf(dir)).toEqual(
      expect.arrayContaining([
        "Query.document has no src/resolvers/Query/document.ts",
        "src/resolvers/Mutation/documents.ts: Mutation has no field documents",
      ]),
    );
  });

  it("fails a resolver typed by hand with Record<string, unknown> arguments", () => {
    const dir = knowledgeCopy();
    writeFileSync(
      path.join(dir, "src/resolvers/Query/semanticSearch.ts"),
      "export const semanticSearchResolver = (_: unknown, args: Record<string, unknown>) => args;\n",
    );
    const problems = problemsOf(dir);
    expect(problems).toContain(
      'src/resolvers/Query/semanticSearch.ts: must export semanticSearchResolver: QueryResolvers["semanticSearch"] from ../../generated/resolvers-types',
    );
    expect(problems).toContain(
      "src/resolvers/Query/semanticSearch.ts: Record<string, unknown> in a resolver; take args from the generated types",
    );
  });

  it("fails a resolver map that spreads hand-built maps, and folders other than the roots", () => {
    const dir = knowledgeCopy();
    const index = path.join(dir, "src/resolvers/index.ts");
    writeFileSync(index, readFileSync(index, "utf8").replace("Query: {", "Query: {\n    ...extraQueries,"));
    cpSync(path.join(dir, "src/resolvers/Query"), path.join(dir, "src/resolvers/types"), { recursive: true });
    expect(problemsOf(dir)).toEqual(
      expect.arrayContaining([
        "src/resolvers/index.ts: Query spreads `...extraQueries`; list each field's resolver",
        "src/resolvers/types/: only Query/, Mutation/ and Subscription/ hold resolvers",
      ]),
    );
  });

  it("fails a GraphQL enum typed again in zod, but not a zod enum of other values", () => {
    const dir = knowledgeCopy();
    appendFileSync(
      path.join(dir, "src/inputs/document-inputs.ts"),
      'export const modes = z.enum(["DENSE", "KEYWORD"]);\nexport const units = z.enum(["px", "em"]);\n',
    );
    expect(problemsOf(dir)).toEqual([
      "src/inputs/document-inputs.ts: z.enum([DENSE, KEYWORD]) re-declares SearchMode; use z.enum(SearchMode)",
    ]);
  });

  it("fails a domain file with two functions, a data file that is no store, and an import cycle", () => {
    const dir = knowledgeCopy();
    writeFileSync(
      path.join(dir, "src/domain/archive-document.ts"),
      "export function archiveDocument() {}\nexport function restoreDocument() {}\n",
    );
    writeFileSync(path.join(dir, "src/data/row-helpers.ts"), "export const x = 1;\n");
    writeFileSync(path.join(dir, "src/data/shelf-store.ts"), "export function shelves() {}\n");
    writeFileSync(
      path.join(dir, "src/left.ts"),
      'import { right } from "./right";\nexport const left = () => right;\n',
    );
    writeFileSync(
      path.join(dir, "src/right.ts"),
      'import type { left } from "./left";\nexport const right = 1 as unknown as typeof left;\n',
    );
    expect(problemsOf(dir)).toEqual(
      expect.arrayContaining([
        "src/domain/archive-document.ts: must export exactly one function, archiveDocument (exports: archiveDocument, restoreDocument)",
        "src/data/row-helpers.ts: data/ holds db.ts, loaders.ts and <entity>-store.ts only",
        "src/data/shelf-store.ts: must export createShelfStore(tx)",
        "src: import cycle left.ts <-> right.ts",
      ]),
    );
  });
});
