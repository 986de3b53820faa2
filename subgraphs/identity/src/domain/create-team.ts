import type { IdentityContext } from "../context";
import { createTeamStore } from "../data/team-store";
import type { Team } from "../generated/prisma/client";
import { authorize } from "./authorize";

export async function createTeam(
  ctx: IdentityContext,
  input: { name: string; description?: string | null },
): Promise<Team> {
  const scope = await authorize(ctx, "ADMIN");
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
