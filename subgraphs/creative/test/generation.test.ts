import { randomUUID } from "node:crypto";
import { createPostgresEventBus } from "@atelier/event-bus";
import { STREAM_EVENTS_CHANNEL } from "@atelier/live-events";
import { member, waitFor } from "@atelier/testing";
import { describe, expect } from "vitest";
import { readPngSize } from "../src/generation/png";
import { type CreativeSubgraph, creativeTest } from "./fixture";
import { grant, makeWorkspace } from "./seeds";

const STATUS = `query($id: ID!) { generationRequest(id: $id) { id status errorMessage aiModelUsed processingTimeMs
  samples { id type isFinal resolution } finalAsset { id type isFinal mimeType latestVersion { downloadUrl sizeBytes } } } }`;
const CREATE = `mutation($i: CreateGenerationRequestInput!) { createGenerationRequest(input: $i) { generationRequest { id status } } }`;
const SELECT = `mutation($i: SelectGenerationSampleInput!) { selectGenerationSample(input: $i) { generationRequest { id status } } }`;
const CANCEL = `mutation($i: CancelGenerationRequestInput!) { cancelGenerationRequest(input: $i) { generationRequest { id status } } }`;
const BALANCE_ONLY = `{ credits { balance } }`;
const BALANCE = `{ credits { balance transactions(first: 50) { edges { node { kind amount phase generationRequestId } } } } }`;

type Req = {
  id: string;
  status: string;
  errorMessage: string | null;
  aiModelUsed: string | null;
  processingTimeMs: number | null;
  samples: { id: string; type: string; isFinal: boolean; resolution: string }[];
  finalAsset: {
    id: string;
    type: string;
    isFinal: boolean;
    mimeType: string;
    latestVersion: { downloadUrl: string; sizeBytes: number };
  } | null;
};

const test = creativeTest.with({
  env: { GENERATION_SAMPLE_COST: "4", GENERATION_FINAL_COST: "10", GENERATION_SAMPLE_COUNT: "3" },
});

describe("generation requests", () => {
  let creative: CreativeSubgraph;
  test.beforeAll(async ({ subgraph }) => {
    creative = subgraph;
  });

  const status = async (who: ReturnType<typeof member>, id: string) =>
    (await creative.ok<{ generationRequest: Req }>(who, STATUS, { id })).generationRequest;

  test("runs the full lifecycle to a COMPLETED final PNG, with every state in the catch-up events", async () => {
    const tenant = randomUUID();
    const editor = member(tenant, "ADMIN");
    await grant(creative, tenant, 100);
    const workspaceId = await makeWorkspace(creative, editor);
    const bus = createPostgresEventBus(creative.service.config.databaseUrl);
    const notices: { topics: string[]; streamId: string; sequence: number; tenantId: string }[] = [];
    const unsubscribe = await bus.subscribe(STREAM_EVENTS_CHANNEL, (m) => notices.push(m as never));
    const created = await creative.ok<{
      createGenerationRequest: { generationRequest: { id: string; status: string } };
    }>(editor, CREATE, {
      i: {
        workspaceId,
        prompt: "a lighthouse at dawn, brand colours",
        seed: 42,
        parameters: { width: 320, height: 200 },
      },
    });
    const id = created.createGenerationRequest.generationRequest.id;
    expect(created.createGenerationRequest.generationRequest.status).toBe("PROCESSING_SAMPLES");
    const awaiting = await waitFor(async () => {
      const r = await status(editor, id);
      return r.status === "AWAITING_SELECTION" ? r : null;
    });
    expect(awaiting.samples).toHaveLength(3);
    expect(awaiting.samples.every((s) => s.type === "AI_GENERATED" && !s.isFinal && s.resolution === "256x256")).toBe(
      true,
    );
    await creative.ok(editor, SELECT, { i: { generationRequestId: id, sampleAssetId: awaiting.samples[1]!.id } });
    const done = await waitFor(async () => {
      const r = await status(editor, id);
      return r.status === "COMPLETED" ? r : null;
    });
    expect(done.aiModelUsed).toBe("atelier-builtin-image@1.0.0");
    expect(done.processingTimeMs).toBeGreaterThanOrEqual(0);
    expect(done.finalAsset).toMatchObject({ type: "AI_GENERATED", isFinal: true, mimeType: "image/png" });
    const download = await fetch(done.finalAsset!.latestVersion.downloadUrl);
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(done.finalAsset!.latestVersion.sizeBytes);
    expect(readPngSize(bytes)).toEqual({ width: 320, height: 200 });

    const events = await creative.ok<{
      generationRequestEvents: { sequence: number; status: string; generationRequest: { id: string } }[];
    }>(
      editor,
      `query($id: ID!) { generationRequestEvents(id: $id) { sequence status type at generationRequest { id } } }`,
      { id },
    );
    expect(events.generationRequestEvents.map((e) => e.status)).toEqual([
      "PENDING",
      "PROCESSING_SAMPLES",
      "AWAITING_SELECTION",
      "PROCESSING_FINAL",
      "COMPLETED",
    ]);
    expect(events.generationRequestEvents.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5]);
    const after3 = await creative.ok<{ generationRequestEvents: { sequence: number }[] }>(
      editor,
      `query($id: ID!) { generationRequestEvents(id: $id, afterSequence: 3) { sequence } }`,
      { id },
    );
    expect(after3.generationRequestEvents.map((e) => e.sequence)).toEqual([4, 5]);

    const feed = await creative.ok<{ generationRequestFeedEvents: { sequence: number; status: string }[] }>(
      editor,
      `query($w: ID!) { generationRequestFeedEvents(workspaceId: $w) { sequence status } }`,
      { w: workspaceId },
    );
    expect(feed.generationRequestFeedEvents.map((e) => e.status)).toHaveLength(5);
    const seqs = feed.generationRequestFeedEvents.map((e) => e.sequence);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    const ledger = await creative.ok<{ credits: { balance: number } }>(editor, BALANCE);
    expect(ledger.credits.balance).toBe(100 - 4 - 10);

    // Every change was announced after commit, for the gateway's subscriptions to re-read.
    const mine = await waitFor(async () => {
      const list = notices.filter((n) => n.streamId === id);
      return list.length === 5 ? list : null;
    });
    expect(mine.map((n) => n.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(mine.every((n) => n.tenantId === tenant)).toBe(true);
    expect(mine[0]!.topics).toEqual([`generationRequestUpdated:${id}`, `generationRequestsUpdated:${workspaceId}`]);
    await unsubscribe();
    await bus.close();

    const { rows } = await creative.sql.query(
      `SELECT action FROM audit.audit_events WHERE tenant_id = $1 AND resource_id = $2 ORDER BY created_at`,
      [tenant, id],
    );
    expect(rows.map((r) => r.action)).toEqual(["generation_request.create", "generation_request.select_sample"]);
    const usage = await creative.ok<{
      usageLog: { edges: { node: { action: string; creditsCost: number | null; generationRequestId: string } }[] };
    }>(editor, `{ usageLog { edges { node { action creditsCost generationRequestId } } } }`);
    expect(usage.usageLog.edges.map((e) => [e.node.action, e.node.creditsCost])).toEqual([
      ["generation.final_completed", null],
      ["generation.final_started", 10],
      ["generation.samples_completed", null],
      ["generation.samples_started", 4],
    ]);
  });

  test("lets exactly one of five concurrent starts through when the balance covers one debit", async () => {
    const tenant = randomUUID();
    const editor = member(tenant);
    await grant(creative, tenant, 6);
    const workspaceId = await makeWorkspace(creative, editor);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => creative.gql(editor, CREATE, { i: { workspaceId, prompt: `poster ${i}` } })),
    );
    const succeeded = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r.errors![0]!.extensions!.code).toBe("INSUFFICIENT_CREDITS");
      expect(r.errors![0]!.message).toMatch(/Not enough credits: this phase costs 4, the balance is 2/);
    }
    const { rows } = await creative.sql.query(
      `SELECT count(*)::int AS n FROM creative.generation_requests WHERE "tenantId" = $1`,
      [tenant],
    );
    expect(rows[0].n).toBe(1);
    expect((await creative.ok<{ credits: { balance: number } }>(editor, BALANCE_ONLY)).credits.balance).toBe(2);
  });

  test("refuses a start without enough credits and starts nothing", async () => {
    const tenant = randomUUID();
    const editor = member(tenant);
    const workspaceId = await makeWorkspace(creative, editor);
    const result = await creative.gql(editor, CREATE, { i: { workspaceId, prompt: "a cat" } });
    expect(result.errors![0]!.extensions!.code).toBe("INSUFFICIENT_CREDITS");
    const { rows } = await creative.sql.query(
      `SELECT count(*)::int AS n FROM creative.generation_requests WHERE "tenantId" = $1`,
      [tenant],
    );
    expect(rows[0].n).toBe(0);
  });

  test("refunds a cancelled phase exactly once, however often cancel is called", async () => {
    const tenant = randomUUID();
    const admin = member(tenant, "ADMIN");
    await grant(creative, tenant, 50);
    const workspaceId = await makeWorkspace(creative, admin);
    const created = await creative.ok<{ createGenerationRequest: { generationRequest: { id: string } } }>(
      admin,
      CREATE,
      {
        i: { workspaceId, prompt: "a mountain" },
      },
    );
    const id = created.createGenerationRequest.generationRequest.id;
    const cancels = await Promise.all(
      [1, 2, 3].map(() => creative.gql(admin, CANCEL, { i: { generationRequestId: id } })),
    );
    expect(cancels.filter((c) => !c.errors)).toHaveLength(1);
    for (const c of cancels.filter((c) => c.errors)) expect(c.errors![0]!.extensions!.code).toBe("CONFLICT");
    const again = await creative.gql(admin, CANCEL, { i: { generationRequestId: id } });
    expect(again.errors![0]!.message).toMatch(/is CANCELLED/);
    const ledger = await creative.ok<{
      credits: { balance: number; transactions: { edges: { node: { kind: string } }[] } };
    }>(admin, BALANCE);
    expect(ledger.credits.balance).toBe(50);
    expect(ledger.credits.transactions.edges.filter((e) => e.node.kind === "REFUND")).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await status(admin, id)).status).toBe("CANCELLED");
    expect((await status(admin, id)).samples).toHaveLength(0);
  });

  test("rejects a prompt that fails the content-safety check before any work or charge", async () => {
    const tenant = randomUUID();
    const editor = member(tenant);
    await grant(creative, tenant, 20);
    const workspaceId = await makeWorkspace(creative, editor);
    const created = await creative.ok<{
      createGenerationRequest: { generationRequest: { id: string; status: string } };
    }>(editor, CREATE, { i: { workspaceId, prompt: "Gore everywhere, very graphic" } });
    expect(created.createGenerationRequest.generationRequest.status).toBe("CONTENT_REJECTED");
    const r = await status(editor, created.createGenerationRequest.generationRequest.id);
    expect(r.errorMessage).toMatch(/content-safety/);
    expect((await creative.ok<{ credits: { balance: number } }>(editor, BALANCE_ONLY)).credits.balance).toBe(20);
    const select = await creative.gql(editor, SELECT, {
      i: { generationRequestId: r.id, sampleAssetId: randomUUID() },
    });
    expect(select.errors![0]!.extensions!.code).toBe("CONFLICT");
  });

  test("refuses to finish a sample when the final phase is not covered, and charges nothing", async () => {
    const tenant = randomUUID();
    const editor = member(tenant);
    await grant(creative, tenant, 5);
    const workspaceId = await makeWorkspace(creative, editor);
    const created = await creative.ok<{ createGenerationRequest: { generationRequest: { id: string } } }>(
      editor,
      CREATE,
      {
        i: { workspaceId, prompt: "a boat" },
      },
    );
    const id = created.createGenerationRequest.generationRequest.id;
    const awaiting = await waitFor(async () => {
      const r = await status(editor, id);
      return r.status === "AWAITING_SELECTION" ? r : null;
    });
    const result = await creative.gql(editor, SELECT, {
      i: { generationRequestId: id, sampleAssetId: awaiting.samples[0]!.id },
    });
    expect(result.errors![0]!.extensions).toMatchObject({ code: "INSUFFICIENT_CREDITS", required: 10, balance: 1 });
    expect((await status(editor, id)).status).toBe("AWAITING_SELECTION");
  });
});
