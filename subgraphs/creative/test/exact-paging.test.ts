import { randomUUID } from "node:crypto";
import { member } from "@atelier/testing";
import { beforeAll, describe, expect } from "vitest";
import { type CreativeSubgraph, creativeTest } from "./fixture";
import { makeProject, makeWorkspace } from "./seeds";

let creative: CreativeSubgraph;
const test = creativeTest.with({ env: { RUN_WORKER: "false" } });
test.beforeAll(async ({ subgraph }) => {
  creative = subgraph;
});

type Page = { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** Follows endCursor from the first page to the last, collecting node ids. */
async function pageThrough(fetchPage: (after: string | null) => Promise<Page>): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let n = 0; n < 50; n++) {
    const page = await fetchPage(after);
    seen.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error("paging did not end");
}

/** Moves the rows' timestamps into one millisecond, microseconds apart and some equal. */
async function squash(table: string, columns: string[], ids: string[]) {
  const set = columns
    .map(
      (c) => `"${c}" = '2026-01-01T00:00:00.123Z'::timestamptz + (floor(random() * 8) * 41) * interval '1 microsecond'`,
    )
    .join(", ");
  await creative.sql.query(`UPDATE creative.${table} SET ${set} WHERE id = ANY($1::uuid[])`, [ids]);
}

async function order(table: string, column: string, ids: string[]): Promise<string[]> {
  const { rows } = await creative.sql.query(
    `SELECT id FROM creative.${table} WHERE id = ANY($1::uuid[]) ORDER BY "${column}", id`,
    [ids],
  );
  return rows.map((r) => r.id);
}

describe("connections over rows created within one millisecond", () => {
  const who = member(randomUUID());
  let workspaceId: string;
  let projectIds: string[];
  beforeAll(async () => {
    workspaceId = await makeWorkspace(creative, who);
    projectIds = [];
    for (let n = 0; n < 22; n++) projectIds.push(await makeProject(creative, who, workspaceId));
    await squash("projects", ["createdAt", "requestedAt"], projectIds);
  });

  test("pages a workspace's projects (the nested loader's SQL path) exactly", async () => {
    const seen = await pageThrough(async (after) => {
      const data = await creative.ok<{ workspace: { projects: Page } }>(
        who,
        `query($id: ID!, $after: String) { workspace(id: $id) { projects(first: 5, after: $after) {
           edges { node { id } } pageInfo { hasNextPage endCursor } } } }`,
        { id: workspaceId, after },
      );
      return data.workspace.projects;
    });
    expect(seen).toEqual(await order("projects", "createdAt", projectIds));
  });

  test("pages the production queue (a Prisma list on requestedAt) exactly", async () => {
    const seen = await pageThrough(async (after) => {
      const data = await creative.ok<{ productionQueue: Page }>(
        who,
        `query($after: String) { productionQueue(statuses: [DRAFT, REQUESTED], first: 3, after: $after) {
           edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      return data.productionQueue;
    });
    expect(seen).toEqual(await order("projects", "requestedAt", projectIds));
  });

  test("pages the tenant's workspaces exactly", async () => {
    const other = member(randomUUID());
    const ids: string[] = [];
    for (let n = 0; n < 9; n++) ids.push(await makeWorkspace(creative, other));
    await squash("workspaces", ["createdAt"], ids);
    const seen = await pageThrough(async (after) => {
      const data = await creative.ok<{ workspaces: Page }>(
        other,
        `query($after: String) { workspaces(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      return data.workspaces;
    });
    expect(seen).toEqual(await order("workspaces", "createdAt", ids));
  });
});
