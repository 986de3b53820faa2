import { ok, signUp } from "../../test/support/client";
import { type AttackLog, count, leak } from "../support/attack-log";
import { bearer, post, succeeded } from "../support/http";

const CLASS = "stale memberships and sessions";
const BOUND_MS = 15_000;

/** Whether `probe` stops succeeding within the bound after access was withdrawn. */
async function lostWithin(probe: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + BOUND_MS;
  while (Date.now() < until) {
    if (!(await probe())) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return !(await probe());
}

/**
 * A revoked member's and a logged-out session's old access tokens must stop working within 15 s
 * in every subgraph (the gateway resolves current membership and sessions). A gateway that does
 * not (a deployment fronting other subgraphs) can be attacked with ATELIER_SECURITY_STALE=0, which
 * records what this class finds as expected leaks instead of failing the suite.
 */
export async function attackStaleAccess(url: string, log: AttackLog): Promise<void> {
  const enforced = process.env.ATELIER_SECURITY_STALE !== "0";
  const report = (what: string) => (enforced ? leak(log, CLASS, what) : log.expected.push(`[${CLASS}] ${what}`));
  const owner = await signUp(url, "stale");
  const ws = await ok(
    url,
    `mutation { createWorkspace(input: { name: "Stale" }) { workspace { id } } }`,
    {},
    owner.token,
  );
  const member = await signUp(url, "stale-member");
  const slug = (await ok(url, "{ currentTenant { slug } }", {}, owner.token)).currentTenant.slug;
  const asked = await ok(
    url,
    `mutation($i: RequestToJoinTenantInput!) { requestToJoinTenant(input: $i) { membership { id } } }`,
    { i: { tenantSlug: slug } },
    member.token,
  );
  const membershipId = asked.requestToJoinTenant.membership.id;
  await ok(
    url,
    `mutation($i: ApproveMembershipInput!) { approveMembership(input: $i) { membership { id } } }`,
    { i: { membershipId, role: "EDITOR" } },
    owner.token,
  );
  const token = (
    await ok(
      url,
      `mutation($i: SwitchTenantInput!) { switchTenant(input: $i) { accessToken } }`,
      { i: { tenantId: owner.tenantId } },
      member.token,
    )
  ).switchTenant.accessToken;
  const readsWorkspace = async () =>
    succeeded(
      (
        await post(
          url,
          {
            query: `query($id: ID!) { workspace(id: $id) { id } }`,
            variables: { id: ws.createWorkspace.workspace.id },
          },
          bearer(token),
        )
      ).body,
      "workspace",
    );
  count(log, CLASS);
  count(log, CLASS);
  const session = await signUp(url, "stale-session");
  const readsMe = async () =>
    succeeded((await post(url, { query: "{ me { id } }" }, bearer(session.token))).body, "me");
  await ok(
    url,
    `mutation($i: MembershipIdInput!) { revokeMembership(input: $i) { membership { id } } }`,
    { i: { membershipId } },
    owner.token,
  );
  await ok(url, `mutation { logout { revoked } }`, {}, session.token);
  // Both waits at once: the class costs one bound, not two.
  const [revokedLost, loggedOutLost] = await Promise.all([lostWithin(readsWorkspace), lostWithin(readsMe)]);
  if (!revokedLost) report("a revoked member still reads a workspace 15 s later");
  if (!loggedOutLost) report("a logged-out session's access token still answers me 15 s later");
}
