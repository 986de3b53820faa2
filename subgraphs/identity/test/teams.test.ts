import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, signUpAccount } from "./support/accounts";
import { type Harness, startHarness } from "./support/identity-harness";
import { addMember } from "./support/memberships";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const TEAM = `query($id: ID!) { team(id: $id) { id name members { edges { node { role user { id } } } } } }`;

describe("teams", () => {
  it("creates a team, adds a member with a team role, and removes them", async () => {
    const owner = await signUpAccount(h);
    const editor = await addMember(h, owner, "EDITOR");
    const created = await h.gql(
      `mutation { createTeam(input: { name: "Motion", description: "Video" }) { team { id } } }`,
      {},
      owner.identity,
    );
    const teamId = created.data!.createTeam.team.id;
    await h.gql(
      `mutation($t: ID!, $u: ID!) { setTeamMember(input: { teamId: $t, userId: $u, role: LEAD }) { team { id } } }`,
      { t: teamId, u: editor.userId },
      owner.identity,
    );
    const team = await h.gql(TEAM, { id: teamId }, editor.inTenant);
    expect(team.data?.team.members.edges).toEqual([{ node: { role: "LEAD", user: { id: editor.userId } } }]);
    await h.gql(
      `mutation($t: ID!, $u: ID!) { removeTeamMember(input: { teamId: $t, userId: $u }) { team { id } } }`,
      { t: teamId, u: editor.userId },
      owner.identity,
    );
    expect((await h.gql(TEAM, { id: teamId }, owner.identity)).data?.team.members.edges).toEqual([]);
  });

  it("lets members read teams but only admins change them", async () => {
    const owner = await signUpAccount(h);
    const viewer = await addMember(h, owner, "VIEWER");
    expect(
      codeOf(await h.gql(`mutation { createTeam(input: { name: "X" }) { team { id } } }`, {}, viewer.inTenant)),
    ).toBe("FORBIDDEN");
    expect((await h.gql("{ teams { edges { node { id } } } }", {}, viewer.inTenant)).errors).toBeUndefined();
  });

  it("renames and deletes a team", async () => {
    const owner = await signUpAccount(h);
    const teamId = (await h.gql(`mutation { createTeam(input: { name: "Old" }) { team { id } } }`, {}, owner.identity))
      .data!.createTeam.team.id;
    const renamed = await h.gql(
      `mutation($t: ID!) { updateTeam(input: { teamId: $t, name: "New" }) { team { name } } }`,
      { t: teamId },
      owner.identity,
    );
    expect(renamed.data?.updateTeam.team.name).toBe("New");
    const deleted = await h.gql(
      `mutation($t: ID!) { deleteTeam(input: { teamId: $t }) { deletedTeamId } }`,
      { t: teamId },
      owner.identity,
    );
    expect(deleted.data?.deleteTeam.deletedTeamId).toBe(teamId);
    expect((await h.gql(TEAM, { id: teamId }, owner.identity)).data?.team).toBeNull();
  });
});
