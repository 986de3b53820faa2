import { randomUUID } from "node:crypto";
import { member } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type CreativeSubgraph, creativeTest } from "./fixture";
import { grant, makeProject, makeWorkspace } from "./seeds";
import { snapshotTenantRows } from "./tenant-snapshot";

/** Everything tenant A owns, and tenant B's admin trying every query and mutation on it. */
const test = creativeTest.with({ env: { RUN_WORKER: "false" } });

describe("a second tenant", () => {
  let creative: CreativeSubgraph;
  const tenantA = randomUUID();
  const a = member(tenantA, "ADMIN");
  const b = member(randomUUID(), "OWNER");
  const ids: Record<string, string> = {};
  let snapshot: string;

  const snapshotA = () => snapshotTenantRows(creative, tenantA);

  test.beforeAll(async ({ subgraph }) => {
    creative = subgraph;
    await grant(creative, tenantA, 100);
    ids.workspace = await makeWorkspace(creative, a, "A's client");
    ids.project = await makeProject(creative, a, ids.workspace);
    const kit = await creative.ok<{ createBrandKit: { brandKit: { id: string } } }>(
      a,
      `mutation { createBrandKit(input: { name: "A", colors: [{ name: "P", hex: "#123456" }] }) { brandKit { id } } }`,
    );
    ids.brandKit = kit.createBrandKit.brandKit.id;
    const tpl = await creative.ok<{ createTemplate: { template: { id: string } } }>(
      a,
      `mutation { createTemplate(input: { name: "A tpl", category: "banner", tags: ["a"] }) { template { id } } }`,
    );
    ids.template = tpl.createTemplate.template.id;
    const up = await creative.ok<{ createAssetUpload: { asset: { id: string }; version: { id: string } } }>(
      a,
      `mutation($w: ID!) { createAssetUpload(input: { workspaceId: $w, name: "a.pdf", mimeType: "application/pdf", sizeBytes: 3 }) { asset { id } version { id } } }`,
      { w: ids.workspace },
    );
    ids.asset = up.createAssetUpload.asset.id;
    ids.version = up.createAssetUpload.version.id;
    const gen = await creative.ok<{ createGenerationRequest: { generationRequest: { id: string } } }>(
      a,
      `mutation($w: ID!) { createGenerationRequest(input: { workspaceId: $w, prompt: "a tree" }) { generationRequest { id } } }`,
      { w: ids.workspace },
    );
    ids.generation = gen.createGenerationRequest.generationRequest.id;
    const model = await creative.ok<{ registerAiModel: { aiModel: { id: string } } }>(
      a,
      `mutation { registerAiModel(input: { name: "a-model", provider: "builtin", taskType: IMAGE_GENERATION }) { aiModel { id } } }`,
    );
    ids.model = model.registerAiModel.aiModel.id;
    const version = await creative.ok<{ createAiModelVersion: { modelVersion: { id: string } } }>(
      a,
      `mutation($m: ID!) { createAiModelVersion(input: { modelId: $m, versionNumber: "1" }) { modelVersion { id } } }`,
      { m: ids.model },
    );
    ids.modelVersion = version.createAiModelVersion.modelVersion.id;
    snapshot = await snapshotA();
  });

  test("reads none of the first tenant's objects by id", async () => {
    const data = await creative.ok<Record<string, unknown>>(
      b,
      `query($w: ID!, $p: ID!, $a: ID!, $k: ID!, $t: ID!, $g: ID!, $m: ID!) {
        workspace(id: $w) { id } project(id: $p) { id } asset(id: $a) { id } brandKit(id: $k) { id }
        template(id: $t) { id } generationRequest(id: $g) { id } aiModel(id: $m) { id } aiModelFeedback(generationRequestId: $g) { id }
        _entities(representations: [{ __typename: "Workspace", id: $w }, { __typename: "Project", id: $p }, { __typename: "Asset", id: $a }]) { __typename }
      }`,
      {
        w: ids.workspace,
        p: ids.project,
        a: ids.asset,
        k: ids.brandKit,
        t: ids.template,
        g: ids.generation,
        m: ids.model,
      },
    );
    expect(data).toEqual({
      workspace: null,
      project: null,
      asset: null,
      brandKit: null,
      template: null,
      generationRequest: null,
      aiModel: null,
      aiModelFeedback: [],
      _entities: [null, null, null],
    });
  });

  test("sees none of the first tenant's objects in lists, feeds, credits or usage", async () => {
    const data = await creative.ok<Record<string, { edges?: unknown[] } & Record<string, unknown>>>(
      b,
      `query($w: ID!) {
        workspaces { edges { node { id } } } productionQueue(statuses: [DRAFT, REQUESTED]) { edges { node { id } } }
        brandKits { edges { node { id } } } templates(category: "BANNER") { edges { node { id } } }
        generationRequests(workspaceId: $w) { edges { node { id } } } aiModels { edges { node { id isSystem } } }
        credits { balance transactions { edges { node { id } } } } usageLog { edges { node { id } } } storageUsage { usedBytes }
      }`,
      { w: ids.workspace },
    );
    for (const key of ["workspaces", "productionQueue", "brandKits", "generationRequests", "usageLog"]) {
      expect(data[key]!.edges, key).toEqual([]);
    }
    expect((data.templates!.edges as unknown[]).length).toBe(1); // the system BANNER template only
    expect((data.aiModels!.edges as { node: { isSystem: boolean } }[]).every((e) => e.node.isSystem)).toBe(true);
    expect(data.credits).toEqual({ balance: 0, transactions: { edges: [] } });
    expect(data.storageUsage).toEqual({ usedBytes: 0 });
    const events = await creative.gql(b, `query($g: ID!) { generationRequestEvents(id: $g) { sequence } }`, {
      g: ids.generation,
    });
    expect(events.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const feed = await creative.gql(b, `query($w: ID!) { generationRequestFeedEvents(workspaceId: $w) { sequence } }`, {
      w: ids.workspace,
    });
    expect(feed.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  const attempts: [string, string, () => Record<string, unknown>][] = [
    [
      "updateWorkspace",
      `mutation($i: UpdateWorkspaceInput!) { updateWorkspace(input: $i) { workspace { id } } }`,
      () => ({ id: ids.workspace, name: "mine" }),
    ],
    [
      "createWorkspace with their brand kit",
      `mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { workspace { id } } }`,
      () => ({ name: "x", defaultBrandKitId: ids.brandKit }),
    ],
    [
      "createProject",
      `mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }`,
      () => ({ workspaceId: ids.workspace, name: "x" }),
    ],
    [
      "updateProject",
      `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { project { id } } }`,
      () => ({ id: ids.project, name: "x" }),
    ],
    [
      "deleteProject",
      `mutation($i: DeleteProjectInput!) { deleteProject(input: $i) { deletedProjectId } }`,
      () => ({ id: ids.project }),
    ],
    [
      "createAssetUpload",
      `mutation($i: CreateAssetUploadInput!) { createAssetUpload(input: $i) { asset { id } } }`,
      () => ({ workspaceId: ids.workspace, name: "x", mimeType: "image/png", sizeBytes: 1 }),
    ],
    [
      "createAssetVersionUpload",
      `mutation($i: CreateAssetVersionUploadInput!) { createAssetVersionUpload(input: $i) { asset { id } } }`,
      () => ({ assetId: ids.asset, sizeBytes: 1 }),
    ],
    [
      "completeAssetUpload",
      `mutation($i: CompleteAssetUploadInput!) { completeAssetUpload(input: $i) { asset { id } } }`,
      () => ({ versionId: ids.version }),
    ],
    [
      "updateAsset",
      `mutation($i: UpdateAssetInput!) { updateAsset(input: $i) { asset { id } } }`,
      () => ({ assetId: ids.asset, name: "x" }),
    ],
    [
      "deleteAsset",
      `mutation($i: AssetRefInput!) { deleteAsset(input: $i) { deletedAssetId } }`,
      () => ({ assetId: ids.asset }),
    ],
    [
      "handAssetToKnowledge",
      `mutation($i: AssetRefInput!) { handAssetToKnowledge(input: $i) { asset { id } } }`,
      () => ({ assetId: ids.asset }),
    ],
    [
      "updateBrandKit",
      `mutation($i: UpdateBrandKitInput!) { updateBrandKit(input: $i) { brandKit { id } } }`,
      () => ({ id: ids.brandKit, name: "x" }),
    ],
    [
      "deleteBrandKit",
      `mutation($i: DeleteBrandKitInput!) { deleteBrandKit(input: $i) { deletedBrandKitId } }`,
      () => ({ id: ids.brandKit }),
    ],
    [
      "deleteTemplate",
      `mutation($i: DeleteTemplateInput!) { deleteTemplate(input: $i) { deletedTemplateId } }`,
      () => ({ id: ids.template }),
    ],
    [
      "createGenerationRequest",
      `mutation($i: CreateGenerationRequestInput!) { createGenerationRequest(input: $i) { generationRequest { id } } }`,
      () => ({ workspaceId: ids.workspace, prompt: "x" }),
    ],
    [
      "selectGenerationSample",
      `mutation($i: SelectGenerationSampleInput!) { selectGenerationSample(input: $i) { generationRequest { id } } }`,
      () => ({ generationRequestId: ids.generation, sampleAssetId: ids.asset }),
    ],
    [
      "cancelGenerationRequest",
      `mutation($i: CancelGenerationRequestInput!) { cancelGenerationRequest(input: $i) { generationRequest { id } } }`,
      () => ({ generationRequestId: ids.generation }),
    ],
    [
      "createAiModelVersion",
      `mutation($i: CreateAiModelVersionInput!) { createAiModelVersion(input: $i) { modelVersion { id } } }`,
      () => ({ modelId: ids.model, versionNumber: "9" }),
    ],
    [
      "setAiModelVersionStatus",
      `mutation($i: SetAiModelVersionStatusInput!) { setAiModelVersionStatus(input: $i) { modelVersion { id } } }`,
      () => ({ modelVersionId: ids.modelVersion, status: "PRODUCTION" }),
    ],
    [
      "recordAiModelValidation",
      `mutation($i: RecordAiModelValidationInput!) { recordAiModelValidation(input: $i) { validation { id } } }`,
      () => ({ modelVersionId: ids.modelVersion, securityScanStatus: "PASSED", functionalStatus: "PASSED" }),
    ],
    [
      "recordAiModelDeployment",
      `mutation($i: RecordAiModelDeploymentInput!) { recordAiModelDeployment(input: $i) { deployment { id } } }`,
      () => ({ modelVersionId: ids.modelVersion, environment: "PRODUCTION" }),
    ],
    [
      "submitAiModelFeedback",
      `mutation($i: SubmitAiModelFeedbackInput!) { submitAiModelFeedback(input: $i) { feedback { id } } }`,
      () => ({ generationRequestId: ids.generation, rating: 1 }),
    ],
    [
      "grantCredits",
      `mutation($i: GrantCreditsInput!) { grantCredits(input: $i) { balance } }`,
      () => ({ tenantId: tenantA, amount: 5 }),
    ],
  ];

  for (const [name, mutation, input] of attempts) {
    test(`cannot ${name} on the first tenant's data`, async () => {
      const result = await creative.gql(b, mutation, { i: input() });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result)).toMatch(/^(NOT_FOUND|FORBIDDEN)$/);
    });
  }

  test("left every row of the first tenant unchanged", async () => {
    expect(await snapshotA()).toBe(snapshot);
  });
});
