import { randomUUID } from "node:crypto";
import { member } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type CreativeSubgraph, creativeTest } from "./fixture";

const DASHBOARD = `{ workspaces(first: 100) { edges { node { id name links { kind }
  projects(first: 100) { edges { node { id name status template { name } requestedBy { id }
    assets(first: 20) { edges { node { id name versions { versionNumber sizeBytes } } } } } } } } } } }`;

/** Seeds `projects` projects with `assets` assets of two versions each, spread over two workspaces. */
async function seed(creative: CreativeSubgraph, tenantId: string, projects: number, assets: number) {
  await creative.sql.query(
    `WITH w AS (
       INSERT INTO creative.workspaces (id, "tenantId", name, "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, 'ws-' || g, now() FROM generate_series(1, 2) g RETURNING id),
     p AS (
       INSERT INTO creative.projects (id, "tenantId", "workspaceId", name, "templateId", "requestedById", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, (SELECT id FROM w ORDER BY id LIMIT 1 OFFSET (g % 2)), 'p-' || g,
              '7e1a0000-0000-4000-8000-000000000001', gen_random_uuid(), now()
         FROM generate_series(1, $2::int) g RETURNING id, "workspaceId"),
     a AS (
       INSERT INTO creative.assets (id, "tenantId", "workspaceId", "projectId", name, type, "mimeType", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, p."workspaceId", p.id, 'a-' || g, 'UPLOADED', 'image/png', now()
         FROM p, generate_series(1, $3::int) g RETURNING id)
     INSERT INTO creative.asset_versions (id, "tenantId", "assetId", "versionNumber", "storageKey", "mimeType", "sizeBytes", status)
     SELECT gen_random_uuid(), $1::uuid, a.id, v, 'k/' || a.id || '/' || v, 'image/png', 100, 'READY'
       FROM a, generate_series(1, 2) v`,
    [tenantId, projects, assets],
  );
}

let statements = 0;
const test = creativeTest.with({ env: { RUN_WORKER: "false" }, deps: { onQuery: () => statements++ } });

describe("the dashboard query", () => {
  let creative: CreativeSubgraph;
  test.beforeAll(async ({ subgraph }) => {
    creative = subgraph;
  });

  async function countStatements(tenantId: string) {
    await creative.ok(member(tenantId, "VIEWER"), DASHBOARD); // warm-up: first-use setup does not count
    statements = 0;
    const data = await creative.ok<{
      workspaces: {
        edges: {
          node: { projects: { edges: { node: { assets: { edges: { node: { versions: unknown[] } }[] } } }[] } };
        }[];
      };
    }>(member(tenantId, "VIEWER"), DASHBOARD);
    const counted = statements;
    const projects = data.workspaces.edges.flatMap((w) => w.node.projects.edges);
    const assets = projects.flatMap((p) => p.node.assets.edges);
    const versions = assets.flatMap((a) => a.node.versions);
    return { counted, projects: projects.length, assets: assets.length, versions: versions.length };
  }

  test("makes the same number of database round trips for 10 and for 100 projects", async () => {
    const small = randomUUID();
    const large = randomUUID();
    await seed(creative, small, 10, 10);
    await seed(creative, large, 100, 10);
    const a = await countStatements(small);
    const b = await countStatements(large);
    expect(a).toMatchObject({ projects: 10, assets: 100, versions: 200 });
    expect(b).toMatchObject({ projects: 100, assets: 1000, versions: 2000 });
    expect(a.counted).toBeGreaterThan(0);
    expect(b.counted).toBe(a.counted);
    // 19 before the nested-list reads went one round trip per batch (BEGIN + settings + query + COMMIT in one
    // message), 13 before asset pages brought their versions in the same message.
    expect(b.counted).toBeLessThanOrEqual(12);
    console.log(`dashboard round trips: ${a.counted} for 10 projects, ${b.counted} for 100 projects`);
  });
});
