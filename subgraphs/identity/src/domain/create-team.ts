import { requireRole } from "@atelier/subgraph-kit";
import { createTeamStore } from "../data/team-store";
import type { Team } from "../generated/prisma/client";
import type { MemberScope } from "../scope";

export async function createTeam(
  scope: MemberScope,
  input: { name: string; description?: string | null },
): Promise<Team> {
  requireRole(scope.actor, "ADMIN");
  return scope.write(async (tx) => {
    const team = await createTeamStore(tx).create({
      name: input.name,
      description: input.description ?? "",
      createdById: scope.actor.userId,
    });
    tx.audit({ action: "team.create", resourceType: "Team", resourceId: team.id, changes: { name: team.name } });
    return team;
  });
}
