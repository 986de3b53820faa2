import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { codeOf, signUpAccount } from "./support/accounts";
import { addMember } from "./support/memberships";

let h: IdentitySubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

const TEAM = `query($id: ID!) { team(id: $id) { id name members { edges { node { role user { id } } } } } }`;

describe("teams", () => {
  test("creates a team, adds a member with a team role, and removes them", async () => {
    const owner = await signUpAccount(h);
    const editor = await addMember(h, owner, "EDITOR");
    const created = await h
      .as(owner.identity)
      .gql(`mutation { createTeam(input: { name: "Motion", description: "Video" }) { team { id } } }`, {});
    const teamId = created.data!.createTeam.team.id;
    await h
      .as(owner.identity)
      .gql(
        `mutation($t: ID!, $u: ID!) { setTeamMember(input: { teamId: $t, userId: $u, role: LEAD }) { team { id } } }`,
        { t: teamId, u: editor.userId },
      );
    const team = await h.as(editor.inTenant).gql(TEAM, { id: teamId });
    expect(team.data?.team.members.edges).toEqual([{ node: { role: "LEAD", user: { id: editor.userId } } }]);
    await h
      .as(owner.identity)
      .gql(`mutation($t: ID!, $u: ID!) { removeTeamMember(input: { teamId: $t, userId: $u }) { team { id } } }`, {
        t: teamId,
        u: editor.userId,
      });
    expect((await h.as(owner.identity).gql(TEAM, { id: teamId })).data?.team.members.edges).toEqual([]);
  });

  test("lets members read teams but only admins change them", async () => {
    const owner = await signUpAccount(h);
    const viewer = await addMember(h, owner, "VIEWER");
    expect(
      codeOf(await h.as(viewer.inTenant).gql(`mutation { createTeam(input: { name: "X" }) { team { id } } }`, {})),
    ).toBe("FORBIDDEN");
    expect((await h.as(viewer.inTenant).gql("{ teams { edges { node { id } } } }", {})).errors).toBeUndefined();
  });

  test("renames and deletes a team", async () => {
    const owner = await signUpAccount(h);
    const teamId = (
      await h.as(owner.identity).gql(`mutation { createTeam(input: { name: "Old" }) { team { id } } }`, {})
    ).data!.createTeam.team.id;
    const renamed = await h
      .as(owner.identity)
      .gql(`mutation($t: ID!) { updateTeam(input: { teamId: $t, name: "New" }) { team { name } } }`, { t: teamId });
    expect(renamed.data?.updateTeam.team.name).toBe("New");
    const deleted = await h
      .as(owner.identity)
      .gql(`mutation($t: ID!) { deleteTeam(input: { teamId: $t }) { deletedTeamId } }`, { t: teamId });
    expect(deleted.data?.deleteTeam.deletedTeamId).toBe(teamId);
    expect((await h.as(owner.identity).gql(TEAM, { id: teamId })).data?.team).toBeNull();
  });
});
