import { requireRole } from "@atelier/subgraph-kit";
import { createTeamStore } from "../data/team-store";
import type { MemberScope } from "../scope";

export async function deleteTeam(scope: MemberScope, input: { teamId: string }): Promise<{ deletedTeamId: string }> {
  requireRole(scope.actor, "ADMIN");
  return scope.write(async (tx) => {
    const teams = createTeamStore(tx);
    const team = await teams.find(input.teamId);
    await teams.delete(team.id);
    tx.audit({ action: "team.delete", resourceType: "Team", resourceId: team.id, changes: { name: team.name } });
    return { deletedTeamId: team.id };
  });
}
