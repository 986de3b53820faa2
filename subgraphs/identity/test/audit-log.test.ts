import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, signUpAccount } from "./support/accounts";
import { type AnyData, type Harness, startHarness } from "./support/identity-harness";
import { addMember } from "./support/memberships";

const FEED = `query($first: Int, $after: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id action resourceType resourceId actorType actorId actor { id } changes requestId } }
    pageInfo { hasNextPage endCursor }
  }
}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const createTeam = (name: string) => `mutation { createTeam(input: { name: "${name}" }) { team { id } } }`;

describe("audit log", () => {
  it("records a change with actor, action, resource and request id", async () => {
    const owner = await signUpAccount(h);
    const member = await addMember(h, owner, "EDITOR");
    const feed = await h.gql(FEED, { filter: { action: "membership.approve" } }, owner.identity);
    const event = feed.data!.auditEvents.edges[0].node;
    expect(event).toMatchObject({
      action: "membership.approve",
      resourceType: "Membership",
      resourceId: member.membershipId,
      actorType: "USER",
      actorId: owner.userId,
      actor: { id: owner.userId },
    });
    expect(event.requestId).toBeTruthy();
  });

  it("writes the event in the change's transaction: if the event fails, the change is rolled back", async () => {
    const owner = await signUpAccount(h);
    await h.sql.query(`
      CREATE OR REPLACE FUNCTION audit.fail_doomed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.changes->>'name' = 'Doomed' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$;
      DROP TRIGGER IF EXISTS fail_doomed ON audit.audit_events;
      CREATE TRIGGER fail_doomed BEFORE INSERT ON audit.audit_events FOR EACH ROW EXECUTE FUNCTION audit.fail_doomed();`);
    try {
      const res = await h.gql(createTeam("Doomed"), {}, owner.identity);
      expect(codeOf(res)).toBe("INTERNAL_SERVER_ERROR");
      const { rows } = await h.sql.query(`SELECT 1 FROM identity.teams WHERE "tenantId" = $1 AND name = 'Doomed'`, [
        owner.tenantId,
      ]);
      expect(rows).toHaveLength(0);
    } finally {
      await h.sql.query("DROP TRIGGER fail_doomed ON audit.audit_events");
    }
  });

  it("writes no event when the change fails", async () => {
    const owner = await signUpAccount(h);
    await h.gql(createTeam("Twice"), {}, owner.identity);
    expect(codeOf(await h.gql(createTeam("Twice"), {}, owner.identity))).toBe("CONFLICT");
    const feed = await h.gql(FEED, { filter: { action: "team.create" } }, owner.identity);
    expect(feed.data?.auditEvents.edges).toHaveLength(1);
  });

  it("pages through the feed newest first without gaps or repeats", async () => {
    const owner = await signUpAccount(h);
    for (const name of ["T1", "T2", "T3", "T4", "T5"]) await h.gql(createTeam(name), {}, owner.identity);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: AnyData = await h.gql(FEED, { first: 2, after, filter: { action: "team.create" } }, owner.identity);
      const conn = page.data.auditEvents;
      seen.push(...conn.edges.map((e: AnyData) => e.node.changes.name));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(["T5", "T4", "T3", "T2", "T1"]);
  });

  it("gives a resource's history through the filter", async () => {
    const owner = await signUpAccount(h);
    const member = await addMember(h, owner, "VIEWER");
    await h.gql(
      `mutation($id: ID!) { changeMemberRole(input: { membershipId: $id, role: EDITOR }) { membership { id } } }`,
      { id: member.membershipId },
      owner.identity,
    );
    const history = await h.gql(
      FEED,
      { filter: { resourceType: "Membership", resourceId: member.membershipId } },
      owner.identity,
    );
    expect(history.data!.auditEvents.edges.map((e: AnyData) => e.node.action)).toEqual([
      "membership.change_role",
      "membership.approve",
      "membership.request",
    ]);
  });

  it("shows the tenant feed only to ADMIN and above, and each user their own activity", async () => {
    const owner = await signUpAccount(h);
    const editor = await addMember(h, owner, "EDITOR");
    expect(codeOf(await h.gql(FEED, {}, editor.inTenant))).toBe("FORBIDDEN");
    const mine = await h.gql("{ myActivity { edges { node { action actorId } } } }", {}, editor.inTenant);
    const actions = mine.data!.myActivity.edges.map((e: AnyData) => e.node);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((e: AnyData) => e.actorId === editor.userId)).toBe(true);
  });
});
