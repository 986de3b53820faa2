import { systemIdentity } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { type Account, signUpAccount } from "./support/accounts";
import { addMember } from "./support/memberships";

const RESOLVE = "/internal/delegations/resolve";
const CREATE_CLIENT = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id } } }`;

let h: IdentitySubgraph;
let owner: Account;
let stranger: Account;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  owner = await signUpAccount(h);
  stranger = await signUpAccount(h, "stranger");
});

const asUser = (userId: string, tenantId: string) => ({ actor: { kind: "user", userId, tenantId } });

describe("delegated actors", () => {
  test("reports a member's current role, and follows a role change", async () => {
    const editor = await addMember(h, owner, "EDITOR");
    expect(await h.as(systemIdentity("gateway")).post(RESOLVE, asUser(editor.userId, owner.tenantId))).toEqual({
      status: 200,
      body: { kind: "user", role: "EDITOR" },
    });
    await h
      .as(owner.identity)
      .gql(
        `mutation($id: ID!) { changeMemberRole(input: { membershipId: $id, role: VIEWER }) { membership { id } } }`,
        { id: editor.membershipId },
      );
    expect((await h.as(systemIdentity("gateway")).post(RESOLVE, asUser(editor.userId, owner.tenantId))).body).toEqual({
      kind: "user",
      role: "VIEWER",
    });
  });

  test("refuses a revoked member and a user of another tenant", async () => {
    const member = await addMember(h, owner, "EDITOR");
    await h
      .as(owner.identity)
      .gql(`mutation($id: ID!) { revokeMembership(input: { membershipId: $id }) { membership { id } } }`, {
        id: member.membershipId,
      });
    expect((await h.as(systemIdentity("gateway")).post(RESOLVE, asUser(member.userId, owner.tenantId))).status).toBe(
      401,
    );
    expect((await h.as(systemIdentity("gateway")).post(RESOLVE, asUser(stranger.userId, owner.tenantId))).status).toBe(
      401,
    );
  });

  test("reports an active API client's scopes only in its own tenant", async () => {
    const created = await h
      .as(owner.identity)
      .gql(CREATE_CLIENT, { input: { name: "Runner", scopes: ["knowledge:read"] } });
    const apiClientId = created.data!.createApiClient.apiClient.id;
    const actor = { kind: "apiClient", apiClientId, tenantId: owner.tenantId };
    expect((await h.as(systemIdentity("gateway")).post(RESOLVE, { actor })).body).toEqual({
      kind: "apiClient",
      scopes: ["knowledge:read"],
    });
    expect(
      (await h.as(systemIdentity("gateway")).post(RESOLVE, { actor: { ...actor, tenantId: stranger.tenantId } }))
        .status,
    ).toBe(401);
    await h
      .as(owner.identity)
      .gql(`mutation($id: ID!) { revokeApiClient(input: { id: $id }) { apiClient { id } } }`, { id: apiClientId });
    expect((await h.as(systemIdentity("gateway")).post(RESOLVE, { actor })).status).toBe(401);
  });

  test("is open to the gateway's system identity only, and checks the body", async () => {
    const body = asUser(owner.userId, owner.tenantId);
    expect((await h.as(owner.identity).post(RESOLVE, body)).status).toBe(401);
    expect((await h.as(null).post(RESOLVE, body)).status).toBe(401);
    expect(
      (
        await h
          .as(systemIdentity("gateway"))
          .post(RESOLVE, { actor: { kind: "user", userId: "x", tenantId: owner.tenantId } })
      ).status,
    ).toBe(400);
  });
});
