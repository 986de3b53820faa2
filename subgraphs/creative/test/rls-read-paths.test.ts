import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Identity } from "@atelier/internal-auth";
import { callerFor, createTestDatabase, type TestDatabase, testKeys } from "@atelier/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCreativeConfig } from "../src/config";
import { type CreativeService, createCreativeService } from "../src/server";
import { bindToOwnerRole } from "./rls-owner";
import { type Seeded, seedCreativeTenant } from "./rls-seed";

/**
 * Every read path of creative, for tenant A, with tenant B's rows present and row-level security
 * forced on every tenant-scoped table. The service connects as a non-superuser role that owns the
 * tables (a superuser bypasses RLS even when forced), so a read that escaped its tenant scope would
 * see no rows at all (the policies fail closed without `app.tenant_id`) and the test would fail.
 */

describe("creative read paths under forced row-level security", () => {
  let database: TestDatabase;
  let admin: pg.Pool;
  let service: CreativeService;
  let storageDir: string;
  const role = `creative_rls_${randomBytes(4).toString("hex")}`;
  let a: Seeded;
  let b: Seeded;

  const gql = <T = Record<string, unknown>>(who: Identity, query: string, variables: Record<string, unknown> = {}) =>
    callerFor(service.url, who).ok<T>(query, variables);

  beforeAll(async () => {
    database = await createTestDatabase("creative");
    admin = new pg.Pool({ connectionString: database.url, max: 2 });
    await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS`);
    await admin.query(`GRANT atelier_app TO ${role}`);
    await admin.query(`ALTER DATABASE "${database.name}" OWNER TO ${role}`);
    await bindToOwnerRole(admin, role);
    const ownerUrl = new URL(database.url);
    ownerUrl.username = role;
    ownerUrl.password = "";
    storageDir = await mkdtemp(path.join(tmpdir(), "creative-rls-"));
    const config = loadCreativeConfig({
      NODE_ENV: "test",
      DATABASE_URL: ownerUrl.toString(),
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
      STORAGE_DIR: storageDir,
      STORAGE_SIGNING_SECRET: "test-secret-test-secret-test-secret-0123",
      RUN_WORKER: "false",
    });
    service = await createCreativeService(config);
    a = await seedCreativeTenant(service.url, admin, "tenant-A");
    b = await seedCreativeTenant(service.url, admin, "tenant-B");
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await admin?.end();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database?.drop();
    await new pg.Pool({ connectionString: database.url.replace(/\/[^/]*$/, "/postgres"), max: 1 })
      .query(`DROP ROLE IF EXISTS ${role}`)
      .catch(() => {});
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  /** The answer names every one of A's `expected` rows and nothing of B's. */
  function onlyA(data: unknown, expected: string[]) {
    const text = JSON.stringify(data);
    for (const key of expected) expect(text, `A's ${key}`).toContain(a.ids[key]!);
    for (const [key, id] of Object.entries(b.ids)) expect(text, `B's ${key}`).not.toContain(id);
    expect(text).not.toContain("tenant-B");
  }

  it("binds the service's own connection: outside a tenant scope it sees no tenant rows", async () => {
    const owner = new pg.Client({ connectionString: service.services.config.databaseUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query(
        `SELECT current_user AS who, (SELECT count(*)::int FROM creative.workspaces) AS workspaces,
                (SELECT count(*)::int FROM creative.projects) AS projects`,
      );
      expect(rows[0]).toEqual({ who: role, workspaces: 0, projects: 0 });
    } finally {
      await owner.end();
    }
  });

  it("the dashboard's nested lists and loaders (workspaces → links, projects → assets → versions)", async () => {
    const data = await gql(
      a.who,
      `{ workspaces(first: 100) { edges { node { id name links { url } defaultBrandKit { id }
          assets(first: 50) { edges { node { id name versions { id versionNumber } latestVersion { id } } } }
          projects(first: 100) { edges { node { id name template { id name } brandKit { id name } workspace { id }
            assets(first: 50) { edges { node { id name project { id } workspace { id } generationRequest { id }
              versions { id versionNumber } } } } } } } } } } }`,
    );
    onlyA(data, ["workspace", "project", "template", "brandKit", "asset", "sample", "generation"]);
  });

  it("entities by id, and through _entities (__resolveReference)", async () => {
    const byId = await gql(
      a.who,
      `query($w: ID!, $p: ID!, $a: ID!, $k: ID!, $t: ID!, $g: ID!, $m: ID!) {
        workspace(id: $w) { id } project(id: $p) { id } asset(id: $a) { id versions { id } }
        brandKit(id: $k) { id } template(id: $t) { id } generationRequest(id: $g) { id } aiModel(id: $m) { id } }`,
      {
        w: a.ids.workspace,
        p: a.ids.project,
        a: a.ids.asset,
        k: a.ids.brandKit,
        t: a.ids.template,
        g: a.ids.generation,
        m: a.ids.model,
      },
    );
    onlyA(byId, ["workspace", "project", "asset", "brandKit", "template", "generation", "model"]);
    const entities = (ids: Record<string, string>) =>
      gql<{ _entities: unknown[] }>(
        a.who,
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Workspace { id name } ... on Project { id name } ... on Asset { id name } } }`,
        {
          r: [
            { __typename: "Workspace", id: ids.workspace },
            { __typename: "Project", id: ids.project },
            { __typename: "Asset", id: ids.asset },
          ],
        },
      );
    const mine = await entities(a.ids);
    onlyA(mine, ["workspace", "project", "asset"]);
    expect(mine._entities.every((e) => e !== null)).toBe(true);
    expect((await entities(b.ids))._entities).toEqual([null, null, null]);
  });

  it("B's ids read as A find nothing", async () => {
    const data = await gql(
      a.who,
      `query($w: ID!, $p: ID!, $a: ID!, $k: ID!, $t: ID!, $g: ID!, $m: ID!) {
        workspace(id: $w) { id } project(id: $p) { id } asset(id: $a) { id } brandKit(id: $k) { id }
        template(id: $t) { id } generationRequest(id: $g) { id } aiModel(id: $m) { id } }`,
      {
        w: b.ids.workspace,
        p: b.ids.project,
        a: b.ids.asset,
        k: b.ids.brandKit,
        t: b.ids.template,
        g: b.ids.generation,
        m: b.ids.model,
      },
    );
    expect(Object.values(data as Record<string, unknown>)).toEqual([null, null, null, null, null, null, null]);
  });

  it("generation requests, their nested fields, events and feeds", async () => {
    const one = await gql(
      a.who,
      `query($g: ID!) { generationRequest(id: $g) { id workspace { id } project { id } brandKit { id }
          samples { id versions { id } } selectedSample { id } finalAsset { id }
          modelVersion { id model { id } validations { id } deployments { id } } } }`,
      { g: a.ids.generation },
    );
    onlyA(one, [
      "generation",
      "workspace",
      "project",
      "brandKit",
      "sample",
      "modelVersion",
      "model",
      "validation",
      "deployment",
    ]);
    const lists = await gql(
      a.who,
      `query($w: ID!, $g: ID!) {
        generationRequests(workspaceId: $w, first: 50) { edges { node { id prompt } } }
        generationRequestEvents(id: $g, afterSequence: 0) { sequence status generationRequest { id } }
        generationRequestFeedEvents(workspaceId: $w, afterSequence: 0) { sequence status generationRequest { id } } }`,
      { w: a.ids.workspace, g: a.ids.generation },
    );
    onlyA(lists, ["generation"]);
    const events = lists as { generationRequestEvents: unknown[]; generationRequestFeedEvents: unknown[] };
    expect(events.generationRequestEvents.length).toBeGreaterThan(0);
    expect(events.generationRequestFeedEvents.length).toBeGreaterThan(0);
  });

  it("the other lists: brand kits, templates, AI models and feedback, production queue, storage, credits, usage", async () => {
    const data = await gql<{
      storageUsage: { usedBytes: number };
      credits: { balance: number; transactions: { edges: unknown[] } };
      usageLog: { edges: unknown[] };
    }>(
      a.who,
      `query($g: ID!) {
        brandKits(first: 50) { edges { node { id name } } }
        templates(first: 50) { edges { node { id name isSystem } } }
        aiModels(first: 50) { edges { node { id name versions { id validations { id } deployments { id } }
          productionVersion { id } } } }
        aiModelFeedback(generationRequestId: $g) { id generationRequest { id } modelVersion { id } }
        productionQueue(first: 50) { edges { node { id name } } }
        storageUsage { usedBytes }
        credits { balance transactions(first: 50) { edges { node { id kind amount } } } }
        usageLog(first: 50) { edges { node { id action generationRequestId } } } }`,
      { g: a.ids.generation },
    );
    onlyA(data, [
      "brandKit",
      "template",
      "model",
      "modelVersion",
      "validation",
      "deployment",
      "feedback",
      "project",
      "generation",
    ]);
    // A's two uploaded versions of each of its two assets, 100 bytes each; B's do not count.
    expect(data.storageUsage.usedBytes).toBe(400);
    expect(data.credits.balance).toBe(96);
    expect(data.credits.transactions.edges).toHaveLength(2);
    expect(data.usageLog.edges.length).toBeGreaterThan(0);
  });
});
