import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subscribe } from "../../gateway/test/support/ws-client";
import { ok, signUp } from "./support/client";
import { grantCredits } from "./support/credits";
import { type Stack, startStack } from "./support/stack";

const CREATE_WORKSPACE = `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } } }`;
const CREATE = `mutation($i: CreateGenerationRequestInput!) { createGenerationRequest(input: $i) { generationRequest { id } } }`;
const SAMPLES = `query($id: ID!) { generationRequest(id: $id) { status samples { id } } }`;
const SELECT = `mutation($i: SelectGenerationSampleInput!) { selectGenerationSample(input: $i) { generationRequest { id } } }`;
const FINAL = `query($id: ID!) { generationRequest(id: $id) { finalAsset { mimeType latestVersion { downloadUrl } } } }`;
const WATCH = `subscription($id: ID!) { generationRequestUpdated(id: $id) { sequence status generationRequest { id status } } }`;
type Event = { generationRequestUpdated: { sequence: number; status: string } };

describe("a generation request watched live through the gateway", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it("streams every state from samples to a completed final PNG", async () => {
    const owner = await signUp(stack.url(), "Gen");
    await grantCredits(stack, owner.tenantId, 100);
    const url = stack.url();
    const ws = await ok(url, CREATE_WORKSPACE, { input: { name: "Launch" } }, owner.token);
    const created = await ok(
      url,
      CREATE,
      { i: { workspaceId: ws.createWorkspace.workspace.id, prompt: "a lighthouse at dawn", seed: 7 } },
      owner.token,
    );
    const id = created.createGenerationRequest.generationRequest.id as string;
    const sub = subscribe<Event>(stack.wsUrl(), owner.token, WATCH, { id });
    const statuses = () => sub.values.map((v) => v.generationRequestUpdated.status);

    await expect.poll(() => statuses().includes("AWAITING_SELECTION"), { timeout: 30_000 }).toBe(true);
    const samples = (await ok(url, SAMPLES, { id }, owner.token)).generationRequest.samples as { id: string }[];
    await ok(url, SELECT, { i: { generationRequestId: id, sampleAssetId: samples[0]!.id } }, owner.token);
    await expect.poll(() => statuses().at(-1), { timeout: 30_000 }).toBe("COMPLETED");

    const order = ["PROCESSING_SAMPLES", "AWAITING_SELECTION", "PROCESSING_FINAL", "COMPLETED"];
    expect(statuses().filter((s) => order.includes(s))).toEqual(order);
    const seq = sub.values.map((v) => v.generationRequestUpdated.sequence);
    expect(seq).toEqual(Array.from({ length: seq.length }, (_, i) => i + 1));
    sub.stop();

    const final = (await ok(url, FINAL, { id }, owner.token)).generationRequest.finalAsset;
    expect(final.mimeType).toBe("image/png");
    const png = Buffer.from(await (await fetch(final.latestVersion.downloadUrl)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });
});
