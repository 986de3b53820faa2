import { requireRole } from "@atelier/subgraph-kit";
import { createTeamStore } from "../data/team-store";
import type { Team } from "../generated/prisma/client";
import type { MemberScope } from "../scope";

export async function updateTeam(
  scope: MemberScope,
  input: { teamId: string; name?: string | null; description?: string | null },
): Promise<Team> {
  requireRole(scope.actor, "ADMIN");
  return scope.write(async (tx) => {
    const teams = createTeamStore(tx);
    const existing = await teams.find(input.teamId);
    const data = {
      ...(input.name ? { name: input.name } : {}),
      ...(input.description != null ? { description: input.description } : {}),
    };
    const team = await teams.update(existing.id, data);
    tx.audit({ action: "team.update", resourceType: "Team", resourceId: team.id, changes: data });
    return team;
  });
}
