import { randomUUID } from "node:crypto";
import type { Identity } from "@atelier/internal-auth";
import { callerFor, member } from "@atelier/testing";
import type pg from "pg";
import { billing } from "./seeds";

export interface Seeded {
  tenantId: string;
  who: Identity;
  ids: Record<string, string>;
}

/** One of everything creative keeps, in one tenant: through the API where it can be, rows where it cannot. */
export async function seedCreativeTenant(url: string, admin: pg.Pool, label: string): Promise<Seeded> {
  const gql = <T = Record<string, unknown>>(who: Identity, query: string, variables: Record<string, unknown> = {}) =>
    callerFor(url, who).ok<T>(query, variables);
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
