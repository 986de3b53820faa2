import { randomUUID } from "node:crypto";
import { member } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type CreativeSubgraph, creativeTest } from "./fixture";
import { grant, makeWorkspace } from "./seeds";

const CREATE = `mutation($i: CreateGenerationRequestInput!) {
  createGenerationRequest(input: $i) { generationRequest { id status prompt } } }`;
const BALANCE = `{ credits { balance transactions(first: 50) { edges { node { kind amount generationRequestId } } } } }`;

type Created = { createGenerationRequest: { generationRequest: { id: string; status: string; prompt: string } } };
type Balance = { credits: { balance: number; transactions: { edges: { node: { kind: string; amount: number } }[] } } };

const test = creativeTest.with({ env: { GENERATION_SAMPLE_COST: "5", GENERATION_FINAL_COST: "10" } });

describe("createGenerationRequest with an idempotency key", () => {
  let creative: CreativeSubgraph;
  test.beforeAll(async ({ subgraph }) => {
    creative = subgraph;
  });

  const create = (who: ReturnType<typeof member>, i: Record<string, unknown>) =>
    creative.gql<Created>(who, CREATE, { i });

  test("returns the same request for a repeat, even a concurrent one, and debits once", async () => {
    const tenant = randomUUID();
    const editor = member(tenant);
    await grant(creative, tenant, 100);
    const workspaceId = await makeWorkspace(creative, editor);
    const input = { workspaceId, prompt: "a red kite", idempotencyKey: "run-1:render:r0" };
    const results = await Promise.all([create(editor, input), create(editor, input), create(editor, input)]);
    const ids = results.map((r) => {
      expect(r.errors).toBeUndefined();
      return r.data!.createGenerationRequest.generationRequest.id;
    });
    expect(new Set(ids).size).toBe(1);
    // Later, with another prompt: still the first request, as it was made.
    const again = await create(editor, { ...input, prompt: "something else" });
    expect(again.data!.createGenerationRequest.generationRequest).toMatchObject({ id: ids[0], prompt: "a red kite" });
    const { credits } = await creative.ok<Balance>(member(tenant, "ADMIN"), BALANCE);
    expect(credits.balance).toBe(95);
    expect(credits.transactions.edges.filter((e) => e.node.kind === "SAMPLE_DEBIT")).toHaveLength(1);
  });

  test("keeps keys apart per tenant, refuses one key in two workspaces, and accepts no key at all", async () => {
    const [a, b] = [member(randomUUID()), member(randomUUID())];
    await grant(creative, a.tenantId!, 100);
    await grant(creative, b.tenantId!, 100);
    const [wsA, wsA2, wsB] = [
      await makeWorkspace(creative, a),
      await makeWorkspace(creative, a),
      await makeWorkspace(creative, b),
    ];
    const key = `shared-${randomUUID()}`;
    const first = await create(a, { workspaceId: wsA, prompt: "a boat", idempotencyKey: key });
    const other = await create(b, { workspaceId: wsB, prompt: "a boat", idempotencyKey: key });
    expect(other.data!.createGenerationRequest.generationRequest.id).not.toBe(
      first.data!.createGenerationRequest.generationRequest.id,
    );
    const elsewhere = await create(a, { workspaceId: wsA2, prompt: "a boat", idempotencyKey: key });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const blank = await create(a, { workspaceId: wsA, prompt: "a boat", idempotencyKey: "  " });
    expect(blank.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const [x, y] = [
      await create(a, { workspaceId: wsA, prompt: "a boat" }),
      await create(a, { workspaceId: wsA, prompt: "a boat" }),
    ];
    expect(x.data!.createGenerationRequest.generationRequest.id).not.toBe(
      y.data!.createGenerationRequest.generationRequest.id,
    );
  });
});
