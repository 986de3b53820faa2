import { randomUUID } from "node:crypto";
import { member } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type CreativeSubgraph, creativeTest } from "./fixture";
import { makeProject, makeWorkspace } from "./seeds";

const UPDATE_PROJECT = `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { project { id status } } }`;

const test = creativeTest.with({ env: { RUN_WORKER: "false" } });

describe("workspaces and projects", () => {
  let creative: CreativeSubgraph;
  test.beforeAll(async ({ subgraph }) => {
    creative = subgraph;
  });

  test("keeps workspace names unique per tenant, not across tenants", async () => {
    const a = member(randomUUID());
    const b = member(randomUUID());
    await makeWorkspace(creative, a, "Acme Coffee");
    const again = await creative.gql(
      a,
      `mutation { createWorkspace(input: { name: "Acme Coffee" }) { workspace { id } } }`,
    );
    expect(again.errors![0]!.extensions!.code).toBe("CONFLICT");
    await makeWorkspace(creative, b, "Acme Coffee");
  });

  test("stores business area, description, links, default brand kit and the request-agent prompt", async () => {
    const who = member(randomUUID());
    const kit = await creative.ok<{ createBrandKit: { brandKit: { id: string } } }>(
      who,
      `mutation { createBrandKit(input: { name: "Acme", colors: [{ name: "Primary", hex: "#a1b" }] }) { brandKit { id } } }`,
    );
    const kitId = kit.createBrandKit.brandKit.id;
    const data = await creative.ok<{ createWorkspace: { workspace: Record<string, unknown> } }>(
      who,
      `mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { workspace {
         name businessArea description requestAgentPrompt defaultBrandKit { id colors { hex } } links { kind url required } } } }`,
      {
        i: {
          name: "Hotel Rio",
          businessArea: "hospitality",
          description: "Seasonal campaigns",
          defaultBrandKitId: kitId,
          requestAgentPrompt: "You take requests for Hotel Rio.",
          links: [
            { kind: "DRIVE_FOLDER", url: "https://drive.google.com/drive/folders/abc", required: true },
            { kind: "MODEL_REPOSITORY", required: true },
          ],
        },
      },
    );
    expect(data.createWorkspace.workspace).toEqual({
      name: "Hotel Rio",
      businessArea: "hospitality",
      description: "Seasonal campaigns",
      requestAgentPrompt: "You take requests for Hotel Rio.",
      defaultBrandKit: { id: kitId, colors: [{ hex: "#AA11BB" }] },
      links: [
        { kind: "DRIVE_FOLDER", url: "https://drive.google.com/drive/folders/abc", required: true },
        { kind: "MODEL_REPOSITORY", url: null, required: true },
      ],
    });
  });

  test("keeps a project out of production until its workspace's required links exist", async () => {
    const who = member(randomUUID());
    const workspaceId = await makeWorkspace(creative, who, "Gated", [
      { kind: "DRIVE_FOLDER", url: "https://drive.google.com/x", required: true },
      { kind: "MODEL_REPOSITORY", required: true, label: "Training Core repo" },
    ]);
    const projectId = await makeProject(creative, who, workspaceId, { status: "REQUESTED" });
    const refused = await creative.gql(who, UPDATE_PROJECT, { i: { id: projectId, status: "IN_PRODUCTION" } });
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      missingLinks: ["MODEL_REPOSITORY"],
    });
    expect(refused.errors![0]!.message).toMatch(/missing required links \(Training Core repo\)/);
    const direct = await creative.gql(
      who,
      `mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }`,
      {
        i: { workspaceId, name: "Rush", status: "IN_PRODUCTION" },
      },
    );
    expect(direct.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    await creative.ok(who, `mutation($i: UpdateWorkspaceInput!) { updateWorkspace(input: $i) { workspace { id } } }`, {
      i: {
        id: workspaceId,
        links: [
          { kind: "DRIVE_FOLDER", url: "https://drive.google.com/x", required: true },
          { kind: "MODEL_REPOSITORY", url: "https://huggingface.co/acme/model", required: true },
        ],
      },
    });
    const moved = await creative.ok<{ updateProject: { project: { status: string } } }>(who, UPDATE_PROJECT, {
      i: { id: projectId, status: "IN_PRODUCTION" },
    });
    expect(moved.updateProject.project.status).toBe("IN_PRODUCTION");
  });

  test("orders the production queue by request time within the chosen statuses", async () => {
    const who = member(randomUUID());
    const workspaceId = await makeWorkspace(creative, who);
    const late = await makeProject(creative, who, workspaceId, {
      status: "REQUESTED",
      requestedAt: "2026-03-03T00:00:00Z",
    });
    const early = await makeProject(creative, who, workspaceId, {
      status: "REQUESTED",
      requestedAt: "2026-01-01T00:00:00Z",
    });
    await makeProject(creative, who, workspaceId, { status: "DRAFT", requestedAt: "2025-01-01T00:00:00Z" });
    const mid = await makeProject(creative, who, workspaceId, {
      status: "IN_REVIEW",
      requestedAt: "2026-02-02T00:00:00Z",
    });
    const queue = await creative.ok<{ productionQueue: { edges: { node: { id: string } }[] } }>(
      who,
      `{ productionQueue(statuses: [REQUESTED, IN_REVIEW]) { edges { node { id } } } }`,
    );
    expect(queue.productionQueue.edges.map((e) => e.node.id)).toEqual([early, mid, late]);
    const page = await creative.ok<{
      productionQueue: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(
      who,
      `{ productionQueue(statuses: [REQUESTED, IN_REVIEW], first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(page.productionQueue.pageInfo.hasNextPage).toBe(true);
    const next = await creative.ok<{ productionQueue: { edges: { node: { id: string } }[] } }>(
      who,
      `query($a: String) { productionQueue(statuses: [REQUESTED, IN_REVIEW], first: 2, after: $a) { edges { node { id } } } }`,
      { a: page.productionQueue.pageInfo.endCursor },
    );
    expect(next.productionQueue.edges.map((e) => e.node.id)).toEqual([late]);
  });

  test("soft-deletes a project: gone from lists and lookups, row kept", async () => {
    const who = member(randomUUID());
    const workspaceId = await makeWorkspace(creative, who);
    const projectId = await makeProject(creative, who, workspaceId);
    await creative.ok(who, `mutation($id: ID!) { deleteProject(input: { id: $id }) { deletedProjectId } }`, {
      id: projectId,
    });
    const after = await creative.ok<{ project: null; workspace: { projects: { edges: unknown[] } } }>(
      who,
      `query($p: ID!, $w: ID!) { project(id: $p) { id } workspace(id: $w) { projects { edges { node { id } } } } }`,
      { p: projectId, w: workspaceId },
    );
    expect(after.project).toBeNull();
    expect(after.workspace.projects.edges).toHaveLength(0);
    const { rows } = await creative.sql.query(
      `SELECT "deletedAt" IS NOT NULL AS deleted FROM creative.projects WHERE id = $1`,
      [projectId],
    );
    expect(rows[0].deleted).toBe(true);
  });

  test("writes an audit event for each mutation, in its transaction", async () => {
    const tenant = randomUUID();
    const who = member(tenant);
    const workspaceId = await makeWorkspace(creative, who);
    const projectId = await makeProject(creative, who, workspaceId);
    await creative.ok(who, UPDATE_PROJECT, { i: { id: projectId, brief: "More coffee" } });
    await creative.gql(who, `mutation { createWorkspace(input: { name: "" }) { workspace { id } } }`);
    const { rows } = await creative.sql.query(
      `SELECT action, resource_id AS "resourceId", actor_type AS "actorType" FROM audit.audit_events WHERE tenant_id = $1 ORDER BY created_at`,
      [tenant],
    );
    expect(rows.map((r) => r.action)).toEqual(["workspace.create", "project.create", "project.update"]);
    expect(rows.every((r) => r.actorType === "USER")).toBe(true);
  });

  test("names the bad field and changes nothing on malformed input, and lets VIEWERs read but not write", async () => {
    const tenant = randomUUID();
    const viewer = member(tenant, "VIEWER");
    const editor = member(tenant);
    const bad = await creative.gql(
      editor,
      `mutation { createProject(input: { workspaceId: "nope", name: "x" }) { project { id } } }`,
    );
    expect(bad.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(bad.errors![0]!.message).toMatch(/workspaceId/);
    const long = await creative.gql(
      editor,
      `mutation($n: String!) { createWorkspace(input: { name: $n }) { workspace { id } } }`,
      { n: "x".repeat(101) },
    );
    expect(long.errors![0]!.message).toMatch(/name/);
    const denied = await creative.gql(
      viewer,
      `mutation { createWorkspace(input: { name: "V" }) { workspace { id } } }`,
    );
    expect(denied.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect(
      (await creative.ok<{ workspaces: { edges: unknown[] } }>(viewer, `{ workspaces { edges { node { id } } } }`))
        .workspaces.edges,
    ).toHaveLength(0);
  });

  test("filters a workspace's projects by status", async () => {
    const who = member(randomUUID());
    const workspaceId = await makeWorkspace(creative, who);
    const requested = await makeProject(creative, who, workspaceId, { status: "REQUESTED" });
    await makeProject(creative, who, workspaceId);
    const data = await creative.ok<{
      workspace: { all: { edges: unknown[] }; requested: { edges: { node: { id: string } }[] } };
    }>(
      who,
      `query($w: ID!) { workspace(id: $w) { all: projects { edges { node { id } } } requested: projects(status: REQUESTED) { edges { node { id } } } } }`,
      { w: workspaceId },
    );
    expect(data.workspace.all.edges).toHaveLength(2);
    expect(data.workspace.requested.edges.map((e) => e.node.id)).toEqual([requested]);
  });

  test("lets API clients read only with creative:read (or :write) and write only with creative:write", async () => {
    const tenantId = randomUUID();
    const unscoped = { kind: "apiClient" as const, apiClientId: randomUUID(), tenantId, scopes: [] };
    const reader = { kind: "apiClient" as const, apiClientId: randomUUID(), tenantId, scopes: ["creative:read"] };
    const writer = { kind: "apiClient" as const, apiClientId: randomUUID(), tenantId, scopes: ["creative:write"] };
    const refused = await creative.gql(
      reader,
      `mutation { createWorkspace(input: { name: "Partner" }) { workspace { id } } }`,
    );
    expect(refused.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    await makeWorkspace(creative, writer, "Partner");
    const list = await creative.ok<{ workspaces: { edges: { node: { name: string } }[] } }>(
      reader,
      `{ workspaces { edges { node { name } } } }`,
    );
    expect(list.workspaces.edges.map((e) => e.node.name)).toEqual(["Partner"]);
    const unscopedRead = await creative.gql(unscoped, `{ workspaces { edges { node { name } } } }`);
    expect(unscopedRead.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect(unscopedRead.errors![0]!.message).toMatch(/creative:read/);
    const anonymous = await creative.gql({ kind: "anonymous" }, `{ workspaces { edges { node { id } } } }`);
    expect(anonymous.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
  });
});
