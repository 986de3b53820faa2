import { randomUUID } from "node:crypto";
import { member } from "@atelier/testing";
import pg from "pg";
import { describe, expect } from "vitest";
import { type KnowledgeSubgraph, knowledgeTest } from "./fixture";
import { CREATE } from "./ingest-document";

let h: KnowledgeSubgraph;
const test = knowledgeTest.with({ env: { RUN_WORKER: "false" } });
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

const DOCUMENTS = `query($reps: [_Any!]!, $after: String) { _entities(representations: $reps) { ... on Workspace {
  documents(first: 4, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } } }`;

describe("workspace.documents paging", () => {
  test("lists every document exactly once when they were all created within one millisecond, even past a deleted cursor row", async () => {
    const editor = member(randomUUID());
    const ws = randomUUID();
    for (let n = 0; n < 30; n++)
      await h.gql(editor, CREATE, {
        input: { workspaceId: ws, title: `D${n}`, mimeType: "text/plain", text: `Document ${n}` },
      });
    const sql = new pg.Client({ connectionString: h.db.url });
    await sql.connect();
    try {
      // Microseconds apart inside one millisecond, some exactly equal (then the id decides).
      await sql.query(
        `UPDATE knowledge."Document" SET "createdAt" = '2026-01-01T00:00:00.123Z'::timestamptz
           + (floor(random() * 10) * 37) * interval '1 microsecond' WHERE "workspaceId" = $1`,
        [ws],
      );
      const { rows } = await sql.query(
        `SELECT id FROM knowledge."Document" WHERE "workspaceId" = $1 ORDER BY "createdAt" DESC, id DESC`,
        [ws],
      );
      const expected = rows.map((r) => r.id as string);

      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const res = await h.gql(editor, DOCUMENTS, { reps: [{ __typename: "Workspace", id: ws }], after });
        const conn = res.data!._entities[0].documents;
        seen.push(...conn.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
        // The row a cursor points at may go away between pages.
        if (page === 2) await sql.query(`DELETE FROM knowledge."Document" WHERE id = $1`, [seen.at(-1)]);
      }
      expect(seen).toEqual(expected);
    } finally {
      await sql.end();
    }
  });

  test("refuses a cursor that is not one of this list's with BAD_USER_INPUT", async () => {
    const editor = member(randomUUID());
    const res = await h.gql(editor, DOCUMENTS, {
      reps: [{ __typename: "Workspace", id: randomUUID() }],
      after: Buffer.from("2026-01-01T00:00:00.000Z|x").toString("base64url"),
    });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
