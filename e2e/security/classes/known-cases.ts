import { ok, signUp } from "../../test/support/client";
import { type AttackLog, count, leak } from "../support/attack-log";
import { bearer, post, succeeded } from "../support/http";
import type { SeededTenant } from "../support/seed-tenants";

const CLASS = "known cases (issue #11)";

/** The specific leaks an earlier attack run found, each replayed. */
export async function attackKnownCases(
  url: string,
  attacker: SeededTenant,
  victim: SeededTenant,
  log: AttackLog,
): Promise<void> {
  const as = (token: string, query: string, variables: Record<string, unknown> = {}) =>
    post(url, { query, variables }, bearer(token));
  const check = async (name: string, attempt: () => Promise<string | null>) => {
    count(log, CLASS);
    const found = await attempt();
    if (found) leak(log, CLASS, `${name}: ${found}`);
  };
  const stranger = await signUp(url, "stranger");
  const profile = "name slug crmId contactPhone settings";

  await check("a join request shows the tenant's private profile", async () => {
    const res = await as(
      stranger.token,
      `mutation($i: RequestToJoinTenantInput!) { requestToJoinTenant(input: $i) { membership { tenant { ${profile} } } } }`,
      { i: { tenantSlug: victim.slug } },
    );
    return res.text.includes(`crm-${victim.marker}`) ? res.text.slice(0, 160) : null;
  });
  await check("myMemberships shows a pending tenant's private profile", async () => {
    const res = await as(stranger.token, `{ myMemberships { status tenant { ${profile} } } }`);
    return res.text.includes(`crm-${victim.marker}`) ? res.text.slice(0, 160) : null;
  });
  await check("an invitation shows the invitee's account", async () => {
    const res = await as(
      attacker.tokens.OWNER,
      `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { membership { user { fullName username lastLoginAt } } } }`,
      { i: { email: victim.ownerEmail, role: "VIEWER" } },
    );
    const user = (res.body?.data?.inviteMember as { membership?: { user?: { fullName?: string } } })?.membership?.user;
    return user?.fullName ? `fullName ${user.fullName}` : null;
  });
  await check("a document import reaches loopback through an IPv4-mapped address", async () => {
    const port = new URL(url).port;
    for (const uri of [
      `http://[::ffff:127.0.0.1]:${port}/health`,
      `http://[::ffff:7f00:1]:${port}/health`,
      `http://2130706433:${port}/health`,
    ]) {
      const res = await as(
        attacker.tokens.EDITOR,
        `mutation($i: CreateDocumentFromUriInput!) { createDocumentFromUri(input: $i) { document { id } } }`,
        { i: { workspaceId: attacker.ids.workspace, uri } },
      );
      if (succeeded(res.body, "createDocumentFromUri")) return `fetched ${uri}`;
    }
    return null;
  });
  await check("a javascript: picture URL is stored", async () => {
    const res = await as(
      attacker.tokens.VIEWER,
      `mutation { updateProfile(input: { pictureUrl: "javascript:alert(1)" }) { user { id } } }`,
    );
    return succeeded(res.body, "updateProfile") ? "stored" : null;
  });
  await check("an unknown API-client scope is accepted", async () => {
    const res = await as(
      attacker.tokens.OWNER,
      `mutation { createApiClient(input: { name: "odd", scopes: ["workspaces:read"] }) { apiClient { id } } }`,
    );
    return succeeded(res.body, "createApiClient") ? "created" : null;
  });
  await check("a manifest whose id is not its document's hash is published", async () => {
    const res = await as(
      attacker.tokens.OWNER,
      `mutation($i: PublishPersistedOperationsInput!) { publishPersistedOperations(input: $i) { version { id } } }`,
      { i: { app: "misnamed", version: "1", manifest: { ["0".repeat(64)]: "query Me { me { id } }" } } },
    );
    return succeeded(res.body, "publishPersistedOperations") ? "published" : null;
  });
  await ok(url, "{ me { id } }", {}, stranger.token);
}
