import type { IdentityContext } from "../context";
import { createTeamStore } from "../data/team-store";
import type { Team } from "../generated/prisma/client";
import { authorize } from "./authorize";

export async function updateTeam(
  ctx: IdentityContext,
  input: { teamId: string; name?: string | null; description?: string | null },
): Promise<Team> {
  const scope = await authorize(ctx, "ADMIN");
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
