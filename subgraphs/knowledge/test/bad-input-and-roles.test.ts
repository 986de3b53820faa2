import { randomUUID } from "node:crypto";
import { member } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type KnowledgeSubgraph, knowledgeTest as test } from "./fixture";
import { CREATE, ingest } from "./ingest-document";

let h: KnowledgeSubgraph;
const tenant = randomUUID();
const editor = member(tenant);
const workspaceId = randomUUID();

test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  await ingest(h, editor, {
    workspaceId,
    title: "Visuals",
    text: "The studio approves campaign visuals every Monday.",
  });
});

describe("bad input and roles", () => {
  test.each([
    [{ workspaceId: "not-a-uuid", title: "x", mimeType: "text/plain", text: "x" }, /workspaceId/],
    [{ workspaceId, title: "x", mimeType: "image/gif", text: "x" }, /mimeType/],
    [{ workspaceId, title: "", mimeType: "text/plain", text: "x" }, /title/],
    [{ workspaceId, title: "x", mimeType: "text/plain" }, /text/],
    [{ workspaceId, title: "x", mimeType: "application/pdf", text: "x" }, /contentBase64/],
    [{ workspaceId, title: "x", mimeType: "text/plain", text: "x", metadata: [1, 2] }, /metadata/],
  ])("refuses a bad createDocument input with BAD_USER_INPUT (%#)", async (input, field) => {
    const res = await h.gql(editor, CREATE, { input });
    expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(res.errors![0])).toMatch(field);
  });

  test("refuses bad search input with BAD_USER_INPUT", async () => {
    for (const input of [
      { query: "x", limit: 101 },
      { query: "   " },
      { query: "x", after: "not-a-cursor" },
      { query: "x", after: Buffer.from("search:1000").toString("base64url") },
      { query: "x", filter: { documentIds: ["nope"] } },
    ]) {
      const res = await h.gql(
        editor,
        `query($input: SemanticSearchInput!) { semanticSearch(input: $input) { score } }`,
        { input },
      );
      expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    }
  });

  test("lets a VIEWER read but not write", async () => {
    const viewer = member(tenant, "VIEWER");
    const res = await h.gql(viewer, CREATE, {
      input: { workspaceId, title: "x", mimeType: "text/plain", text: "viewer text" },
    });
    expect(res.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const search = await h.gql(viewer, `query { semanticSearch(input: { query: "campaign visuals" }) { score } }`);
    expect(search.errors).toBeUndefined();
    expect(search.data!.semanticSearch.length).toBeGreaterThan(0);
  });

  test("refuses a request without the gateway's identity", async () => {
    const response = await fetch(h.service.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":"{ __typename }"}',
    });
    expect(response.status).toBe(401);
  });
});
