import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { member, waitFor } from "@atelier/testing";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { encodePng, readPngSize } from "../src/generation/png";
import { type CreativeSubgraph, creativeTest } from "./fixture";
import { grant, makeWorkspace } from "./seeds";

/** A stand-in for a third-party model server: answers PNGs, or 500 for prompts asking it to fail. */
function startModelServer() {
  const calls: { model: string; prompt: string; phase: string; width: number; hasSource: boolean }[] = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const job = JSON.parse(body);
    calls.push({
      model: `${job.model}@${job.version}`,
      prompt: job.prompt,
      phase: job.phase,
      width: job.width,
      hasSource: !!job.sourceImage,
    });
    if (String(job.prompt).includes("please fail")) {
      res.writeHead(500, { "content-type": "text/plain" });
      return res.end("GPU on fire");
    }
    const pixels = new Uint8Array(job.width * job.height * 3).fill(200);
    res.writeHead(200, { "content-type": "image/png" });
    res.end(encodePng(job.width, job.height, pixels));
  });
  return new Promise<{ server: Server; url: string; calls: typeof calls }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/generate`, calls }),
    ),
  );
}

const STATUS = `query($id: ID!) { generationRequest(id: $id) { status errorMessage aiModelUsed samples { id }
  finalAsset { latestVersion { downloadUrl } } modelVersion { versionNumber model { name provider } } } }`;

let model: Awaited<ReturnType<typeof startModelServer>>;
const test = creativeTest.with({ env: () => ({ GENERATION_HTTP_URL: model.url, GENERATION_SAMPLE_COUNT: "2" }) });

describe("the HTTP generation provider and the AI model registry", () => {
  let creative: CreativeSubgraph;
  const tenant = randomUUID();
  const admin = member(tenant, "ADMIN");
  let modelId: string;
  let v1: string;

  beforeAll(async () => {
    model = await startModelServer();
  });
  test.beforeAll(async ({ subgraph }) => {
    creative = subgraph;
    await grant(creative, tenant, 100);
    const registered = await creative.ok<{ registerAiModel: { aiModel: { id: string } } }>(
      admin,
      `mutation { registerAiModel(input: { name: "studio-diffusion", provider: "http", taskType: IMAGE_GENERATION }) { aiModel { id } } }`,
    );
    modelId = registered.registerAiModel.aiModel.id;
    const version = await creative.ok<{ createAiModelVersion: { modelVersion: { id: string } } }>(
      admin,
      `mutation($m: ID!) { createAiModelVersion(input: { modelId: $m, versionNumber: "2.1.0" }) { modelVersion { id } } }`,
      { m: modelId },
    );
    v1 = version.createAiModelVersion.modelVersion.id;
  });
  afterAll(async () => {
    model?.server.close();
  });

  test("refuses a model with no PRODUCTION version, clearly", async () => {
    const workspaceId = await makeWorkspace(creative, admin);
    const result = await creative.gql(
      admin,
      `mutation($i: CreateGenerationRequestInput!) { createGenerationRequest(input: $i) { generationRequest { id } } }`,
      {
        i: { workspaceId, prompt: "a fox", modelId },
      },
    );
    expect(result.errors![0]!.message).toMatch(/has no PRODUCTION version/);
  });

  test("generates through a real model server over HTTP and records the registry's model", async () => {
    await creative.ok(
      admin,
      `mutation($v: ID!) { setAiModelVersionStatus(input: { modelVersionId: $v, status: PRODUCTION }) { modelVersion { status } } }`,
      { v: v1 },
    );
    const workspaceId = await makeWorkspace(creative, admin);
    const created = await creative.ok<{ createGenerationRequest: { generationRequest: { id: string } } }>(
      admin,
      `mutation($i: CreateGenerationRequestInput!) { createGenerationRequest(input: $i) { generationRequest { id } } }`,
      { i: { workspaceId, prompt: "a fox in snow", modelId, parameters: { width: 128, height: 96 } } },
    );
    const id = created.createGenerationRequest.generationRequest.id;
    const awaiting = await waitFor(async () => {
      const r = (
        await creative.ok<{ generationRequest: { status: string; samples: { id: string }[] } }>(admin, STATUS, { id })
      ).generationRequest;
      return r.status === "AWAITING_SELECTION" ? r : null;
    });
    await creative.ok(
      admin,
      `mutation($i: SelectGenerationSampleInput!) { selectGenerationSample(input: $i) { generationRequest { id } } }`,
      {
        i: { generationRequestId: id, sampleAssetId: awaiting.samples[0]!.id },
      },
    );
    const done = await waitFor(async () => {
      const r = (
        await creative.ok<{
          generationRequest: {
            status: string;
            aiModelUsed: string;
            finalAsset: { latestVersion: { downloadUrl: string } };
          };
        }>(admin, STATUS, { id })
      ).generationRequest;
      return r.status === "COMPLETED" ? r : null;
    });
    expect(done.aiModelUsed).toBe("studio-diffusion@2.1.0");
    const bytes = Buffer.from(await (await fetch(done.finalAsset.latestVersion.downloadUrl)).arrayBuffer());
    expect(readPngSize(bytes)).toEqual({ width: 128, height: 96 });
    const mine = model.calls.filter((c) => c.prompt === "a fox in snow");
    expect(mine.map((c) => c.phase)).toEqual(["SAMPLES", "SAMPLES", "FINAL"]);
    expect(mine.every((c) => c.model === "studio-diffusion@2.1.0")).toBe(true);
    expect(mine[2]!.hasSource).toBe(true);

    const feedback = await creative.gql(
      admin,
      `mutation($i: SubmitAiModelFeedbackInput!) { submitAiModelFeedback(input: $i) { feedback { rating modelVersion { versionNumber } } } }`,
      {
        i: { generationRequestId: id, rating: 6 },
      },
    );
    expect(feedback.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const rated = await creative.ok<{
      submitAiModelFeedback: { feedback: { rating: number; modelVersion: { versionNumber: string } } };
    }>(
      admin,
      `mutation($i: SubmitAiModelFeedbackInput!) { submitAiModelFeedback(input: $i) { feedback { rating modelVersion { versionNumber } } } }`,
      { i: { generationRequestId: id, rating: 4, comment: "close" } },
    );
    expect(rated.submitAiModelFeedback.feedback).toEqual({ rating: 4, modelVersion: { versionNumber: "2.1.0" } });
  });

  test("fails a phase the model server cannot do and refunds it exactly once", async () => {
    const workspaceId = await makeWorkspace(creative, admin);
    const before = (await creative.ok<{ credits: { balance: number } }>(admin, `{ credits { balance } }`)).credits
      .balance;
    const created = await creative.ok<{ createGenerationRequest: { generationRequest: { id: string } } }>(
      admin,
      `mutation($i: CreateGenerationRequestInput!) { createGenerationRequest(input: $i) { generationRequest { id } } }`,
      { i: { workspaceId, prompt: "please fail now", modelId } },
    );
    const id = created.createGenerationRequest.generationRequest.id;
    const failed = await waitFor(async () => {
      const r = (
        await creative.ok<{ generationRequest: { status: string; errorMessage: string } }>(admin, STATUS, { id })
      ).generationRequest;
      return r.status === "FAILED" ? r : null;
    });
    expect(failed.errorMessage).toMatch(/model server answered 500/);
    expect(
      (await creative.ok<{ credits: { balance: number } }>(admin, `{ credits { balance } }`)).credits.balance,
    ).toBe(before);
    const { rows } = await creative.sql.query(
      `SELECT kind, count(*)::int AS n FROM creative.credit_transactions WHERE "generationRequestId" = $1 GROUP BY kind ORDER BY kind`,
      [id],
    );
    expect(rows).toEqual([
      { kind: "SAMPLE_DEBIT", n: 1 },
      { kind: "REFUND", n: 1 },
    ]);
  });

  test("keeps version numbers unique per model and one PRODUCTION version per model", async () => {
    const dup = await creative.gql(
      admin,
      `mutation($m: ID!) { createAiModelVersion(input: { modelId: $m, versionNumber: "2.1.0" }) { modelVersion { id } } }`,
      { m: modelId },
    );
    expect(dup.errors![0]!.extensions!.code).toBe("CONFLICT");
    const v2 = await creative.ok<{ createAiModelVersion: { modelVersion: { id: string } } }>(
      admin,
      `mutation($m: ID!) { createAiModelVersion(input: { modelId: $m, versionNumber: "3.0.0" }) { modelVersion { id } } }`,
      { m: modelId },
    );
    const v2id = v2.createAiModelVersion.modelVersion.id;
    await creative.ok(
      admin,
      `mutation($v: ID!) { recordAiModelValidation(input: { modelVersionId: $v, securityScanStatus: PASSED, functionalStatus: PASSED, performanceBenchmark: { p95ms: 800 } }) { validation { id } } }`,
      { v: v2id },
    );
    await creative.ok(
      admin,
      `mutation($v: ID!) { recordAiModelDeployment(input: { modelVersionId: $v, environment: PRODUCTION, status: ACTIVE, deploymentStrategy: "canary" }) { deployment { id } } }`,
      { v: v2id },
    );
    await creative.ok(
      admin,
      `mutation($v: ID!) { setAiModelVersionStatus(input: { modelVersionId: $v, status: PRODUCTION }) { modelVersion { status } } }`,
      { v: v2id },
    );
    const m = await creative.ok<{
      aiModel: {
        productionVersion: { versionNumber: string };
        versions: {
          versionNumber: string;
          status: string;
          validations: { securityScanStatus: string }[];
          deployments: { environment: string }[];
        }[];
      };
    }>(
      admin,
      `query($id: ID!) { aiModel(id: $id) { productionVersion { versionNumber } versions { versionNumber status validations { securityScanStatus } deployments { environment } } } }`,
      { id: modelId },
    );
    expect(m.aiModel.productionVersion.versionNumber).toBe("3.0.0");
    expect(m.aiModel.versions.map((v) => [v.versionNumber, v.status])).toEqual([
      ["2.1.0", "DEPRECATED"],
      ["3.0.0", "PRODUCTION"],
    ]);
    expect(m.aiModel.versions[1]!.validations).toEqual([{ securityScanStatus: "PASSED" }]);
    expect(m.aiModel.versions[1]!.deployments).toEqual([{ environment: "PRODUCTION" }]);
  });

  test("lists the system model beside the tenant's and lets no tenant change it", async () => {
    const list = await creative.ok<{
      aiModels: { edges: { node: { name: string; isSystem: boolean; productionVersion: { id: string } } }[] };
    }>(admin, `{ aiModels { edges { node { name isSystem productionVersion { id } } } } }`);
    const system = list.aiModels.edges.find((e) => e.node.isSystem)!.node;
    expect(system.name).toBe("atelier-builtin-image");
    const change = await creative.gql(
      admin,
      `mutation($v: ID!) { setAiModelVersionStatus(input: { modelVersionId: $v, status: ARCHIVED }) { modelVersion { status } } }`,
      { v: system.productionVersion.id },
    );
    expect(change.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});
