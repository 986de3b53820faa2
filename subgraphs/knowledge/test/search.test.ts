import { randomUUID } from "node:crypto";
import { member } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type KnowledgeSubgraph, knowledgeTest as test } from "./fixture";
import { ingest } from "./ingest-document";

let h: KnowledgeSubgraph;
const tenant = randomUUID();
const editor = member(tenant);
const ws1 = randomUUID();
const ws2 = randomUUID();
const docs: Record<string, { id: string }> = {};

const PAGED = `query($input: SemanticSearchInput!) { semanticSearch(input: $input) { cursor chunk { id } } }`;
const SEARCH = `query($input: SemanticSearchInput!) { semanticSearch(input: $input) { score highlight chunk { id text index } document { id title mimeType } } }`;

test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  docs.logo = await ingest(h, editor, {
    workspaceId: ws1,
    title: "Logo rules",
    text: "Logo usage guidelines. Keep clear space around the logo. On dark backgrounds use the white logo.",
    metadata: { kind: "guideline", region: "emea" },
  });
  docs.brief = await ingest(h, editor, {
    workspaceId: ws1,
    title: "Spring brief",
    mimeType: "text/markdown",
    text: "# Spring campaign brief\n\nLaunching the spring campaign for young parents, with bright outdoor photography.",
    metadata: { kind: "brief", region: "emea" },
  });
  docs.research = await ingest(h, editor, {
    workspaceId: ws2,
    title: "Survey",
    text: "Research note: survey respondents preferred recycled packaging <b>strongly</b> over plastic.",
    metadata: { kind: "research", region: "us" },
  });
});

const search = async (input: Record<string, unknown>) => {
  const res = await h.gql(editor, SEARCH, { input });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.semanticSearch as {
    score: number;
    highlight: string;
    chunk: { text: string };
    document: { id: string; title: string };
  }[];
};

describe("semanticSearch", () => {
  test.each(["DENSE", "KEYWORD", "HYBRID"])("ranks the matching document first in %s mode", async (mode) => {
    const results = await search({ query: "logo on a dark background", mode });
    expect(results[0]!.document.id).toBe(docs.logo!.id);
    expect(results[0]!.score).toBeGreaterThan(0);
  });

  test("finds a paraphrase by meaning (DENSE) through shared stems", async () => {
    const results = await search({ query: "campaigns launched for parents", mode: "DENSE" });
    expect(results[0]!.document.id).toBe(docs.brief!.id);
  });

  test("highlights the matched terms with <mark>, HTML-escaped, in every mode", async () => {
    for (const mode of ["DENSE", "KEYWORD", "HYBRID"]) {
      const [top] = await search({ query: "recycled packaging", mode });
      expect(top!.highlight).toMatch(/<mark>recycled<\/mark>/i);
      // Markup in the text never reaches the highlight as markup: it is escaped.
      expect(top!.highlight).not.toContain("<b>");
      expect(top!.highlight).toContain("&lt;b&gt;");
    }
  });

  test("filters by workspace, documents, MIME type and metadata", async () => {
    const ids = async (filter: Record<string, unknown>) =>
      new Set(
        (await search({ query: "logo campaign survey packaging", mode: "HYBRID", filter })).map((r) => r.document.id),
      );
    expect(await ids({ workspaceId: ws2 })).toEqual(new Set([docs.research!.id]));
    expect(await ids({ documentIds: [docs.brief!.id] })).toEqual(new Set([docs.brief!.id]));
    expect(await ids({ mimeTypes: ["text/markdown"] })).toEqual(new Set([docs.brief!.id]));
    expect(await ids({ metadata: { kind: "guideline" } })).toEqual(new Set([docs.logo!.id]));
    expect(await ids({ metadata: { region: "emea" }, workspaceId: ws1 })).toEqual(
      new Set([docs.logo!.id, docs.brief!.id]),
    );
    expect(await ids({ metadata: { region: "mars" } })).toEqual(new Set());
  });

  test("finds a document by its title, which every chunk is indexed with", async () => {
    const results = await search({ query: "survey", mode: "KEYWORD" });
    expect(results[0]!.document.id).toBe(docs.research!.id);
    const [byTitleOnly] = await search({ query: "spring brief rules", mode: "KEYWORD", limit: 1 });
    expect([docs.brief!.id, docs.logo!.id]).toContain(byTitleOnly!.document.id);
  });

  test("pages with the last result's cursor: the pages join up to the single long ranking", async () => {
    for (const mode of ["DENSE", "KEYWORD", "HYBRID"]) {
      const query = "logo campaign survey packaging";
      const all = await h.gql(editor, PAGED, { input: { query, mode, limit: 100 } });
      const ranking = all.data!.semanticSearch as { cursor: string; chunk: { id: string } }[];
      expect(ranking.length).toBeGreaterThan(1);
      const first = (await h.gql(editor, PAGED, { input: { query, mode, limit: 1 } })).data!.semanticSearch;
      const rest = (await h.gql(editor, PAGED, { input: { query, mode, limit: 100, after: first[0].cursor } })).data!
        .semanticSearch;
      expect([...first, ...rest].map((r: { chunk: { id: string } }) => r.chunk.id)).toEqual(
        ranking.map((r) => r.chunk.id),
      );
    }
  });

  test("respects the limit", async () => {
    expect(await search({ query: "logo campaign survey", mode: "HYBRID", limit: 1 })).toHaveLength(1);
  });
});
