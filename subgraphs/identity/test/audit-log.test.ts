import type { AnyData } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { codeOf, signUpAccount } from "./support/accounts";
import { addMember } from "./support/memberships";

const FEED = `query($first: Int, $after: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id action resourceType resourceId actorType actorId actor { id } changes requestId } }
    pageInfo { hasNextPage endCursor }
  }
}`;

let h: IdentitySubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

const createTeam = (name: string) => `mutation { createTeam(input: { name: "${name}" }) { team { id } } }`;

describe("audit log", () => {
  test("records a change with actor, action, resource and request id", async () => {
    const owner = await signUpAccount(h);
    const member = await addMember(h, owner, "EDITOR");
    const feed = await h.as(owner.identity).gql(FEED, { filter: { action: "membership.approve" } });
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

  test("writes the event in the change's transaction: if the event fails, the change is rolled back", async () => {
    const owner = await signUpAccount(h);
    await h.sql.query(`
      CREATE OR REPLACE FUNCTION audit.fail_doomed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.changes->>'name' = 'Doomed' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$;
      DROP TRIGGER IF EXISTS fail_doomed ON audit.audit_events;
      CREATE TRIGGER fail_doomed BEFORE INSERT ON audit.audit_events FOR EACH ROW EXECUTE FUNCTION audit.fail_doomed();`);
    try {
      const res = await h.as(owner.identity).gql(createTeam("Doomed"), {});
      expect(codeOf(res)).toBe("INTERNAL_SERVER_ERROR");
      const { rows } = await h.sql.query(`SELECT 1 FROM identity.teams WHERE "tenantId" = $1 AND name = 'Doomed'`, [
        owner.tenantId,
      ]);
      expect(rows).toHaveLength(0);
    } finally {
      await h.sql.query("DROP TRIGGER fail_doomed ON audit.audit_events");
    }
  });

  test("writes no event when the change fails", async () => {
    const owner = await signUpAccount(h);
    await h.as(owner.identity).gql(createTeam("Twice"), {});
    expect(codeOf(await h.as(owner.identity).gql(createTeam("Twice"), {}))).toBe("CONFLICT");
    const feed = await h.as(owner.identity).gql(FEED, { filter: { action: "team.create" } });
    expect(feed.data?.auditEvents.edges).toHaveLength(1);
  });

  test("pages through the feed newest first without gaps or repeats", async () => {
    const owner = await signUpAccount(h);
    for (const name of ["T1", "T2", "T3", "T4", "T5"]) await h.as(owner.identity).gql(createTeam(name), {});
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: AnyData = await h
        .as(owner.identity)
        .gql(FEED, { first: 2, after, filter: { action: "team.create" } });
      const conn = page.data.auditEvents;
      seen.push(...conn.edges.map((e: AnyData) => e.node.changes.name));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(["T5", "T4", "T3", "T2", "T1"]);
  });

  test("gives a resource's history through the filter", async () => {
    const owner = await signUpAccount(h);
    const member = await addMember(h, owner, "VIEWER");
    await h
      .as(owner.identity)
      .gql(
        `mutation($id: ID!) { changeMemberRole(input: { membershipId: $id, role: EDITOR }) { membership { id } } }`,
        { id: member.membershipId },
      );
    const history = await h
      .as(owner.identity)
      .gql(FEED, { filter: { resourceType: "Membership", resourceId: member.membershipId } });
    expect(history.data!.auditEvents.edges.map((e: AnyData) => e.node.action)).toEqual([
      "membership.change_role",
      "membership.approve",
      "membership.request",
    ]);
  });

  test("shows the tenant feed only to ADMIN and above, and each user their own activity", async () => {
    const owner = await signUpAccount(h);
    const editor = await addMember(h, owner, "EDITOR");
    expect(codeOf(await h.as(editor.inTenant).gql(FEED, {}))).toBe("FORBIDDEN");
    const mine = await h.as(editor.inTenant).gql("{ myActivity { edges { node { action actorId } } } }", {});
    const actions = mine.data!.myActivity.edges.map((e: AnyData) => e.node);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((e: AnyData) => e.actorId === editor.userId)).toBe(true);
  });
});
