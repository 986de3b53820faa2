import { NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createTeamStore } from "../data/team-store";
import type { Team } from "../generated/prisma/client";
import type { MemberScope } from "../scope";

export async function removeTeamMember(scope: MemberScope, input: { teamId: string; userId: string }): Promise<Team> {
  requireRole(scope.actor, "ADMIN");
  return scope.write(async (tx) => {
    const teams = createTeamStore(tx);
    const team = await teams.find(input.teamId);
    if ((await teams.removeMember(team.id, input.userId)) === 0)
      throw new NotFoundError("That user is not in the team.");
    tx.audit({
      action: "team.remove_member",
      resourceType: "Team",
      resourceId: team.id,
      changes: { userId: input.userId },
    });
    return team;
  });
}
