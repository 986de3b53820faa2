import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Account, signUpAccount } from "./support/accounts";
import { type Harness, startHarness } from "./support/identity-harness";
import { addMember } from "./support/memberships";

const RESOLVE = "/internal/delegations/resolve";
const CREATE_CLIENT = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id } } }`;

let h: Harness;
let owner: Account;
let stranger: Account;
beforeAll(async () => {
  h = await startHarness();
  owner = await signUpAccount(h);
  stranger = await signUpAccount(h, "stranger");
});
afterAll(async () => {
  await h?.stop();
});

const asUser = (userId: string, tenantId: string) => ({ actor: { kind: "user", userId, tenantId } });

describe("delegated actors", () => {
  it("reports a member's current role, and follows a role change", async () => {
    const editor = await addMember(h, owner, "EDITOR");
    expect(await h.internal(RESOLVE, asUser(editor.userId, owner.tenantId))).toEqual({
      status: 200,
      body: { kind: "user", role: "EDITOR" },
    });
    await h.gql(
      `mutation($id: ID!) { changeMemberRole(input: { membershipId: $id, role: VIEWER }) { membership { id } } }`,
      { id: editor.membershipId },
      owner.identity,
    );
    expect((await h.internal(RESOLVE, asUser(editor.userId, owner.tenantId))).body).toEqual({
      kind: "user",
      role: "VIEWER",
    });
  });

  it("refuses a revoked member and a user of another tenant", async () => {
    const member = await addMember(h, owner, "EDITOR");
    await h.gql(
      `mutation($id: ID!) { revokeMembership(input: { membershipId: $id }) { membership { id } } }`,
      { id: member.membershipId },
      owner.identity,
    );
    expect((await h.internal(RESOLVE, asUser(member.userId, owner.tenantId))).status).toBe(401);
    expect((await h.internal(RESOLVE, asUser(stranger.userId, owner.tenantId))).status).toBe(401);
  });

  it("reports an active API client's scopes only in its own tenant", async () => {
    const created = await h.gql(
      CREATE_CLIENT,
      { input: { name: "Runner", scopes: ["knowledge:read"] } },
      owner.identity,
    );
    const apiClientId = created.data!.createApiClient.apiClient.id;
    const actor = { kind: "apiClient", apiClientId, tenantId: owner.tenantId };
    expect((await h.internal(RESOLVE, { actor })).body).toEqual({ kind: "apiClient", scopes: ["knowledge:read"] });
    expect((await h.internal(RESOLVE, { actor: { ...actor, tenantId: stranger.tenantId } })).status).toBe(401);
    await h.gql(
      `mutation($id: ID!) { revokeApiClient(input: { id: $id }) { apiClient { id } } }`,
      { id: apiClientId },
      owner.identity,
    );
    expect((await h.internal(RESOLVE, { actor })).status).toBe(401);
  });

  it("is open to the gateway's system identity only, and checks the body", async () => {
    const body = asUser(owner.userId, owner.tenantId);
    expect((await h.internal(RESOLVE, body, owner.identity)).status).toBe(401);
    expect((await h.internal(RESOLVE, body, null)).status).toBe(401);
    expect((await h.internal(RESOLVE, { actor: { kind: "user", userId: "x", tenantId: owner.tenantId } })).status).toBe(
      400,
    );
  });
});
