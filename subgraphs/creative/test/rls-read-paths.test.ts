import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { IDENTITY_HEADER, type Identity } from "@atelier/internal-auth";
import { createTestDatabase, member, signIdentity, type TestDatabase, testKeys } from "@atelier/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCreativeConfig } from "../src/config";
import { type CreativeService, createCreativeService } from "../src/server";
import { billing } from "./seeds";

/**
 * Every read path of creative, for tenant A, with tenant B's rows present and row-level security
 * forced on every tenant-scoped table. The service connects as a non-superuser role that owns the
 * tables (a superuser bypasses RLS even when forced), so a read that escaped its tenant scope would
 * see no rows at all (the policies fail closed without `app.tenant_id`) and the test would fail.
 */

const TENANT_TABLES = [
  "workspaces",
  "workspace_links",
  "projects",
  "assets",
  "asset_versions",
  "brand_kits",
  "templates",
  "generation_requests",
  "credit_transactions",
  "usage_logs",
  "ai_models",
  "ai_model_versions",
  "ai_model_validation_results",
  "ai_model_deployments",
  "ai_model_feedback",
  "stream_events",
];

/** Makes `role` (no superuser, no BYPASSRLS) own every schema, table, type and function of the database. */
const OWN_EVERYTHING = (role: string) => `DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', r.nspname, '${role}');
  END LOOP;
  FOR r IN SELECT c.oid::regclass::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND c.relkind IN ('r', 'p', 'v', 'm')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO %I', r.name, '${role}');
  END LOOP;
  FOR r IN SELECT c.oid::regclass::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND c.relkind = 'S'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i', 'e')) LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', r.name, '${role}');
  END LOOP;
  FOR r IN SELECT t.oid::regtype::text AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND t.typtype IN ('e', 'd')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO %I', r.name, '${role}');
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure::text AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, '${role}');
  END LOOP;
END $$`;

interface Seeded {
  tenantId: string;
  who: Identity;
  ids: Record<string, string>;
}

describe("creative read paths under forced row-level security", () => {
  let database: TestDatabase;
  let admin: pg.Pool;
  let service: CreativeService;
  let storageDir: string;
  const role = `creative_rls_${randomBytes(4).toString("hex")}`;
  let a: Seeded;
  let b: Seeded;

  async function gql<T = Record<string, unknown>>(
    who: Identity,
    query: string,
    variables: Record<string, unknown> = {},
  ) {
    const response = await fetch(service.url, {
      method: "POST",
      headers: { "content-type": "application/json", [IDENTITY_HEADER]: await signIdentity(who) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  }

  /** One of everything creative keeps, in one tenant: through the API where it can be, rows where it cannot. */
  async function seed(label: string): Promise<Seeded> {
    const tenantId = randomUUID();
    const who = member(tenantId, "ADMIN");
    const ids: Record<string, string> = {};
    await gql(billing, `mutation($i: GrantCreditsInput!) { grantCredits(input: $i) { balance } }`, {
      i: { tenantId, amount: 100 },
    });
    const kit = await gql<{ createBrandKit: { brandKit: { id: string } } }>(
      who,
      `mutation($n: String!) { createBrandKit(input: { name: $n, colors: [{ name: "P", hex: "#123456" }] }) { brandKit { id } } }`,
      { n: `${label} kit` },
    );
    ids.brandKit = kit.createBrandKit.brandKit.id;
    const tpl = await gql<{ createTemplate: { template: { id: string } } }>(
      who,
      `mutation($n: String!) { createTemplate(input: { name: $n, category: "banner", tags: ["rls"] }) { template { id } } }`,
      { n: `${label} template` },
    );
    ids.template = tpl.createTemplate.template.id;
    const ws = await gql<{ createWorkspace: { workspace: { id: string } } }>(
      who,
      `mutation($n: String!) { createWorkspace(input: { name: $n, links: [{ kind: DRIVE_FOLDER, url: "https://example.com/${label}", required: true }] }) { workspace { id } } }`,
      { n: `${label} client` },
    );
    ids.workspace = ws.createWorkspace.workspace.id;
    const project = await gql<{ createProject: { project: { id: string } } }>(
      who,
      `mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }`,
      {
        i: {
          workspaceId: ids.workspace,
          name: `${label} project`,
          status: "REQUESTED",
          templateId: ids.template,
          brandKitId: ids.brandKit,
        },
      },
    );
    ids.project = project.createProject.project.id;
    const model = await gql<{ registerAiModel: { aiModel: { id: string } } }>(
      who,
      `mutation($n: String!) { registerAiModel(input: { name: $n, provider: "builtin", taskType: IMAGE_GENERATION }) { aiModel { id } } }`,
      { n: `${label}-model` },
    );
    ids.model = model.registerAiModel.aiModel.id;
    const version = await gql<{ createAiModelVersion: { modelVersion: { id: string } } }>(
      who,
      `mutation($m: ID!) { createAiModelVersion(input: { modelId: $m, versionNumber: "1.0.0" }) { modelVersion { id } } }`,
      { m: ids.model },
    );
    ids.modelVersion = version.createAiModelVersion.modelVersion.id;
    const validation = await gql<{ recordAiModelValidation: { validation: { id: string } } }>(
      who,
      `mutation($v: ID!) { recordAiModelValidation(input: { modelVersionId: $v, securityScanStatus: PASSED, functionalStatus: PASSED }) { validation { id } } }`,
      { v: ids.modelVersion },
    );
    ids.validation = validation.recordAiModelValidation.validation.id;
    const deployment = await gql<{ recordAiModelDeployment: { deployment: { id: string } } }>(
      who,
      `mutation($v: ID!) { recordAiModelDeployment(input: { modelVersionId: $v, environment: STAGING }) { deployment { id } } }`,
      { v: ids.modelVersion },
    );
    ids.deployment = deployment.recordAiModelDeployment.deployment.id;
    await gql(
      who,
      `mutation($v: ID!) { setAiModelVersionStatus(input: { modelVersionId: $v, status: PRODUCTION }) { modelVersion { id } } }`,
      { v: ids.modelVersion },
    );
    const generation = await gql<{ createGenerationRequest: { generationRequest: { id: string } } }>(
      who,
      `mutation($i: CreateGenerationRequestInput!) { createGenerationRequest(input: $i) { generationRequest { id } } }`,
      { i: { workspaceId: ids.workspace, projectId: ids.project, modelId: ids.model, prompt: `${label} lighthouse` } },
    );
    ids.generation = generation.createGenerationRequest.generationRequest.id;
    const feedback = await gql<{ submitAiModelFeedback: { feedback: { id: string } } }>(
      who,
      `mutation($g: ID!) { submitAiModelFeedback(input: { generationRequestId: $g, rating: 4 }) { feedback { id } } }`,
      { g: ids.generation },
    );
    ids.feedback = feedback.submitAiModelFeedback.feedback.id;
    // An uploaded asset with two versions, and a generated sample: the worker is off here.
    ids.asset = randomUUID();
    ids.sample = randomUUID();
    await admin.query(
      `INSERT INTO creative.assets (id, "tenantId", "workspaceId", "projectId", "generationRequestId", name, type, "mimeType", "isFinal", "updatedAt")
       VALUES ($1, $3, $4, $5, NULL, $7 || ' asset', 'UPLOADED', 'image/png', false, now()),
              ($2, $3, $4, $5, $6, $7 || ' sample', 'AI_GENERATED', 'image/png', false, now())`,
      [ids.asset, ids.sample, tenantId, ids.workspace, ids.project, ids.generation, label],
    );
    await admin.query(
      `INSERT INTO creative.asset_versions (id, "tenantId", "assetId", "versionNumber", "storageKey", "mimeType", "sizeBytes", status)
       SELECT gen_random_uuid(), $1, a, v, 'rls/' || a || '/' || v, 'image/png', 100, 'READY'
         FROM unnest($2::uuid[]) a, generate_series(1, 2) v`,
      [tenantId, [ids.asset, ids.sample]],
    );
    return { tenantId, who, ids };
  }

  beforeAll(async () => {
    database = await createTestDatabase("creative");
    admin = new pg.Pool({ connectionString: database.url, max: 2 });
    await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS`);
    await admin.query(`GRANT atelier_app TO ${role}`);
    await admin.query(`ALTER DATABASE "${database.name}" OWNER TO ${role}`);
    await admin.query(OWN_EVERYTHING(role));
    for (const table of TENANT_TABLES) await admin.query(`ALTER TABLE creative.${table} FORCE ROW LEVEL SECURITY`);
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
    a = await seed("tenant-A");
    b = await seed("tenant-B");
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
