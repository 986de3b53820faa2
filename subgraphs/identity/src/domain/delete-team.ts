import type { IdentityContext } from "../context";
import { createTeamStore } from "../data/team-store";
import { authorize } from "./authorize";

export async function deleteTeam(ctx: IdentityContext, input: { teamId: string }): Promise<{ deletedTeamId: string }> {
  const scope = await authorize(ctx, "ADMIN");
  return scope.write(async (tx) => {
    const teams = createTeamStore(tx);
    const team = await teams.find(input.teamId);
    await teams.delete(team.id);
    tx.audit({ action: "team.delete", resourceType: "Team", resourceId: team.id, changes: { name: team.name } });
    return { deletedTeamId: team.id };
  });
}
