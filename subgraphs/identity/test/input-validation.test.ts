import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { type Account, codeOf, PASSWORD, SIGN_UP, signUpAccount, uniqueEmail } from "./support/accounts";

let h: IdentitySubgraph;
let owner: Account;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  owner = await signUpAccount(h);
});

async function rowCounts(): Promise<string> {
  const { rows } = await h.sql.query(`
    SELECT (SELECT count(*) FROM identity.users) AS users, (SELECT count(*) FROM identity.tenants) AS tenants,
           (SELECT count(*) FROM identity.memberships) AS memberships, (SELECT count(*) FROM identity.teams) AS teams,
           (SELECT count(*) FROM identity.api_clients) AS api_clients, (SELECT count(*) FROM audit.audit_events) AS audit`);
  return JSON.stringify(rows[0]);
}

const long = "x".repeat(201);
const cases = [
  {
    name: "a malformed id",
    query: `mutation { revokeMembership(input: { membershipId: "not-a-uuid" }) { membership { id } } }`,
    field: "membershipId",
    asOwner: true,
  },
  {
    name: "an oversized name",
    query: `mutation($n: String!) { createTeam(input: { name: $n }) { team { id } } }`,
    variables: { n: long },
    field: "name",
    asOwner: true,
  },
  {
    name: "an invalid e-mail",
    query: SIGN_UP,
    variables: { input: { email: "not-an-email", password: PASSWORD, fullName: "X", tenantName: "Y" } },
    field: "email",
  },
  {
    name: "an oversized e-mail",
    query: SIGN_UP,
    variables: {
      input: { email: `${"a".repeat(250)}@example.com`, password: PASSWORD, fullName: "X", tenantName: "Y" },
    },
    field: "email",
  },
  {
    name: "a too-short password",
    query: SIGN_UP,
    variables: { input: { email: uniqueEmail(), password: "short", fullName: "X", tenantName: "Y" } },
    field: "password",
  },
  {
    name: "an unknown enum value",
    query: `mutation($r: MembershipRole!) { inviteMember(input: { email: "x@example.com", role: $r }) { membership { id } } }`,
    variables: { r: "SUPERUSER" },
    field: "MembershipRole",
    asOwner: true,
  },
  ...["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.com/me.png"].map((url) => ({
    name: `a ${url.split(":")[0]} picture URL`,
    query: `mutation($u: String!) { updateProfile(input: { pictureUrl: $u }) { user { id } } }`,
    variables: { u: url },
    field: "pictureUrl",
    asOwner: true,
  })),
  {
    name: "a page size over 100",
    query: `{ teams(first: 1000) { edges { node { id } } } }`,
    field: "first",
    asOwner: true,
  },
];

describe("bad input is refused with BAD_USER_INPUT and changes nothing", () => {
  test.each(cases)("$name", async ({ query, variables, field, asOwner }) => {
    const before = await rowCounts();
    const res = await h.as(asOwner ? owner.identity : { kind: "anonymous" }).gql(query, variables ?? {});
    expect(codeOf(res)).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toContain(field);
    expect(await rowCounts()).toBe(before);
  });
});
