import { describe, expect } from "vitest";
import { identityTest as test } from "./fixture";
import { codeOf } from "./support/accounts";
import { addMember } from "./support/memberships";

const TEAM = `query($id: ID!) { team(id: $id) { id name members { edges { node { role user { id } } } } } }`;

describe("teams", () => {
  test("creates a team, adds a member with a team role, and removes them", async ({ subgraph, as, newTenant }) => {
    const owner = await newTenant();
    const editor = await addMember(subgraph, owner, "EDITOR");
    const asOwner = as(owner.identity);
    const created = await asOwner.gql(
      `mutation { createTeam(input: { name: "Motion", description: "Video" }) { team { id } } }`,
    );
    const teamId = created.data!.createTeam.team.id;
    await asOwner.gql(
      `mutation($t: ID!, $u: ID!) { setTeamMember(input: { teamId: $t, userId: $u, role: LEAD }) { team { id } } }`,
      { t: teamId, u: editor.userId },
    );
    const team = await as(editor.inTenant).gql(TEAM, { id: teamId });
    expect(team.data?.team.members.edges).toEqual([{ node: { role: "LEAD", user: { id: editor.userId } } }]);
    await asOwner.gql(
      `mutation($t: ID!, $u: ID!) { removeTeamMember(input: { teamId: $t, userId: $u }) { team { id } } }`,
      { t: teamId, u: editor.userId },
    );
    expect((await asOwner.gql(TEAM, { id: teamId })).data?.team.members.edges).toEqual([]);
  });

  test("lets members read teams but only admins change them", async ({ subgraph, as, newTenant }) => {
    const owner = await newTenant();
    const viewer = as((await addMember(subgraph, owner, "VIEWER")).inTenant);
    expect(codeOf(await viewer.gql(`mutation { createTeam(input: { name: "X" }) { team { id } } }`))).toBe("FORBIDDEN");
    expect((await viewer.gql("{ teams { edges { node { id } } } }")).errors).toBeUndefined();
  });

  test("renames and deletes a team", async ({ as, newTenant }) => {
    const owner = as((await newTenant()).identity);
    const teamId = (await owner.gql(`mutation { createTeam(input: { name: "Old" }) { team { id } } }`)).data!.createTeam
      .team.id;
    const renamed = await owner.gql(
      `mutation($t: ID!) { updateTeam(input: { teamId: $t, name: "New" }) { team { name } } }`,
      { t: teamId },
    );
    expect(renamed.data?.updateTeam.team.name).toBe("New");
    const deleted = await owner.gql(`mutation($t: ID!) { deleteTeam(input: { teamId: $t }) { deletedTeamId } }`, {
      t: teamId,
    });
    expect(deleted.data?.deleteTeam.deletedTeamId).toBe(teamId);
    expect((await owner.gql(TEAM, { id: teamId })).data?.team).toBeNull();
  });
});
