import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeConfig } from "../src/config";
import { createKnowledgeService, type KnowledgeService } from "../src/server";
import { gql, type Harness, ingest, member, startHarness } from "./harness";

let h: Harness;
let restarted: KnowledgeService;
const tenant = randomUUID();
const editor = member(tenant);
const SEARCH = `query($input: SemanticSearchInput!) { semanticSearch(input: $input) { highlight document { id } } }`;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await restarted?.stop();
  await h?.stop();
});

describe("embedded store at start", () => {
  it("rebuilds vectors and the lexical index from Postgres: a restarted service finds documents in every mode", async () => {
    const workspaceId = randomUUID();
    const thesaurus = await ingest(h.service, editor, {
      workspaceId,
      title: "Thesaurus construction",
      text: "Controlled vocabularies for indexing library catalogues.",
    });
    await ingest(h.service, editor, { workspaceId, title: "Budget", text: "Annual budget of the reading room." });
    restarted = await createKnowledgeService(loadKnowledgeConfig({ ...h.env, RUN_WORKER: "false" }));
    for (const mode of ["DENSE", "KEYWORD", "HYBRID"]) {
      const res = await gql(restarted, editor, SEARCH, { input: { query: "thesaurus for indexing", mode } });
      expect(res.data!.semanticSearch[0].document.id).toBe(thesaurus.id);
      expect(res.data!.semanticSearch[0].highlight).toContain("<mark>indexing</mark>");
    }
  });
});
