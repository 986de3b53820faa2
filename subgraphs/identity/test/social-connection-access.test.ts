import { randomUUID } from "node:crypto";
import type { Identity } from "@atelier/internal-auth";
import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { type Account, codeOf, signUpAccount } from "./support/accounts";
import { addMember, type Member } from "./support/memberships";
import { CONNECT, connect, DISCONNECT, MINE, storedConnection } from "./support/social-connections";

let h: IdentitySubgraph;
let owner: Account;
let colleague: Member;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  owner = await signUpAccount(h);
  colleague = await addMember(h, owner, "ADMIN");
  const res = await connect(h, owner.identity, {
    platform: "INSTAGRAM",
    externalUserId: "ig",
    accessToken: "secret-1",
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
});

async function connectionCount(): Promise<number> {
  const { rows } = await h.sql.query("SELECT count(*)::int AS n FROM identity.social_connections");
  return rows[0].n;
}

const valid = { platform: "LINKEDIN", externalUserId: "li", accessToken: "token" };
const invalid = [
  { name: "an unknown platform", input: { ...valid, platform: "MYSPACE" }, field: "SocialPlatform" },
  { name: "an empty access token", input: { ...valid, accessToken: "" }, field: "accessToken" },
  { name: "an empty refresh token", input: { ...valid, refreshToken: "" }, field: "refreshToken" },
  { name: "an oversized access token", input: { ...valid, accessToken: "t".repeat(4097) }, field: "accessToken" },
  { name: "a blank externalUserId", input: { ...valid, externalUserId: "  " }, field: "externalUserId" },
  { name: "an externalUserId over 100", input: { ...valid, externalUserId: "u".repeat(101) }, field: "externalUserId" },
  { name: "a malformed expiresAt", input: { ...valid, expiresAt: "next week" }, field: "expiresAt" },
];

describe("connectSocialAccount input", () => {
  test.each(invalid)("refuses $name with BAD_USER_INPUT and stores nothing", async ({ input, field }) => {
    const before = await connectionCount();
    const res = await h.as(owner.identity).gql(CONNECT, { input });
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toContain(field);
    expect(await connectionCount()).toBe(before);
  });
});

describe("social connections belong to their user", () => {
  test("another user, even an admin of the same tenant, sees none of them", async () => {
    expect((await h.as(colleague.inTenant).gql(MINE, {})).data!.mySocialConnections).toEqual([]);
    const members = await h
      .as(colleague.inTenant)
      .gql("{ memberships(first: 10) { edges { node { user { id socialConnections { id } } } } } }", {});
    const users = members.data!.memberships.edges.map((e: { node: { user: unknown } }) => e.node.user);
    expect(users).toContainEqual({ id: owner.userId, socialConnections: [] });
    const entity = await h
      .as(colleague.inTenant)
      .gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id socialConnections { id } } } }`, {
        r: [{ __typename: "User", id: owner.userId }],
      });
    expect(entity.data!._entities).toEqual([{ id: owner.userId, socialConnections: [] }]);
  });

  test("another user cannot remove them: their disconnect finds nothing", async () => {
    expect(codeOf(await h.as(colleague.inTenant).gql(DISCONNECT, { platform: "INSTAGRAM" }))).toBe("NOT_FOUND");
    expect(await storedConnection(h, owner.userId, "INSTAGRAM")).toBeDefined();
  });

  test("another user's connect on the same platform makes their own, leaving the owner's alone", async () => {
    await connect(h, colleague.inTenant, { platform: "INSTAGRAM", externalUserId: "ig2", accessToken: "secret-2" });
    expect((await storedConnection(h, owner.userId, "INSTAGRAM"))!.externalUserId).toBe("ig");
    expect((await storedConnection(h, colleague.userId, "INSTAGRAM"))!.externalUserId).toBe("ig2");
  });

  // An anonymous caller lacks credentials; an API client has them but not the right.
  const callers: [string, () => Identity, string][] = [
    ["an anonymous caller", () => ({ kind: "anonymous" }), "UNAUTHENTICATED"],
    [
      "an API client",
      () => ({ kind: "apiClient", apiClientId: randomUUID(), tenantId: owner.tenantId, scopes: ["identity:read"] }),
      "FORBIDDEN",
    ],
  ];
  test.each(callers)("refuses %s with %s", async (_, callerOf, code) => {
    const client = callerOf();
    const before = await connectionCount();
    expect(codeOf(await h.as(client).gql(MINE, {}))).toBe(code);
    expect(codeOf(await h.as(client).gql(CONNECT, { input: valid }))).toBe(code);
    expect(codeOf(await h.as(client).gql(DISCONNECT, { platform: "INSTAGRAM" }))).toBe(code);
    expect(await connectionCount()).toBe(before);
  });

  test("the tenant-bound database role cannot read the table", async () => {
    const client = await h.sql.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL ROLE atelier_app");
      await expect(client.query("SELECT * FROM identity.social_connections")).rejects.toThrow(/permission denied/);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});
