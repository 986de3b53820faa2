import { randomUUID } from "node:crypto";
import { callerFor, member } from "@atelier/testing";
import { afterAll, describe, expect } from "vitest";
import { loadKnowledgeConfig } from "../src/config";
import { createKnowledgeService, type KnowledgeService } from "../src/server";
import { type KnowledgeSubgraph, knowledgeTest as test } from "./fixture";
import { ingest } from "./ingest-document";

let h: KnowledgeSubgraph;
let restarted: KnowledgeService;
const tenant = randomUUID();
const editor = member(tenant);
const SEARCH = `query($input: SemanticSearchInput!) { semanticSearch(input: $input) { highlight document { id } } }`;

test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});
afterAll(async () => {
  await restarted?.stop();
});

describe("embedded store at start", () => {
  test("rebuilds vectors and the lexical index from Postgres: a restarted service finds documents in every mode", async () => {
    const workspaceId = randomUUID();
    const thesaurus = await ingest(h, editor, {
      workspaceId,
      title: "Thesaurus construction",
      text: "Controlled vocabularies for indexing library catalogues.",
    });
    await ingest(h, editor, { workspaceId, title: "Budget", text: "Annual budget of the reading room." });
    restarted = await createKnowledgeService(loadKnowledgeConfig({ ...h.env, RUN_WORKER: "false" }));
    for (const mode of ["DENSE", "KEYWORD", "HYBRID"]) {
      const res = await callerFor(restarted.url, editor).gql(SEARCH, {
        input: { query: "thesaurus for indexing", mode },
      });
      expect(res.data!.semanticSearch[0].document.id).toBe(thesaurus.id);
      expect(res.data!.semanticSearch[0].highlight).toContain("<mark>indexing</mark>");
    }
  });
});
