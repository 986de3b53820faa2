import type { IdentityContext } from "../context";
import { findTeamInTenant } from "../data/teams";
import type { Team } from "../generated/prisma/client";
import { authorize } from "./authorize";

export async function createTeam(
  ctx: IdentityContext,
  input: { name: string; description?: string | null },
): Promise<Team> {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  return scope.write(async (stx) => {
    const tx = stx.db;
    const team = await tx.team.create({
      data: {
        tenantId: actor.tenantId,
        name: input.name,
        description: input.description ?? "",
        createdById: actor.userId,
      },
    });
    stx.audit({
      action: "team.create",
      resourceType: "Team",
      resourceId: team.id,
      changes: { name: team.name },
    });
    return team;
  });
}

export async function updateTeam(
  ctx: IdentityContext,
  input: { teamId: string; name?: string | null; description?: string | null },
): Promise<Team> {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  return scope.write(async (stx) => {
    const tx = stx.db;
    const existing = await findTeamInTenant(tx, actor.tenantId, input.teamId);
    const data = {
      ...(input.name ? { name: input.name } : {}),
      ...(input.description != null ? { description: input.description } : {}),
    };
    const team = await tx.team.update({ where: { id: existing.id }, data });
    stx.audit({
      action: "team.update",
      resourceType: "Team",
      resourceId: team.id,
      changes: data,
    });
    return team;
  });
}

export async function deleteTeam(ctx: IdentityContext, input: { teamId: string }): Promise<{ deletedTeamId: string }> {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  return scope.write(async (stx) => {
    const tx = stx.db;
    const team = await findTeamInTenant(tx, actor.tenantId, input.teamId);
    await tx.team.delete({ where: { id: team.id } });
    stx.audit({
      action: "team.delete",
      resourceType: "Team",
      resourceId: team.id,
      changes: { name: team.name },
    });
    return { deletedTeamId: team.id };
  });
}
