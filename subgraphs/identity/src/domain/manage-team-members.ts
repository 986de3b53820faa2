import { BadUserInputError, NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { findTeamInTenant } from "../data/teams";
import type { Team, TeamRole } from "../generated/prisma/client";
import { authorize } from "./authorize";

/** Adds an approved member of the tenant to a team, or changes their team role. */
export async function setTeamMember(
  ctx: IdentityContext,
  input: { teamId: string; userId: string; role?: TeamRole | null },
): Promise<Team> {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  return scope.write(async (stx) => {
    const tx = stx.db;
    const team = await findTeamInTenant(tx, actor.tenantId, input.teamId);
    const member = await tx.membership.findFirst({
      where: { tenantId: actor.tenantId, userId: input.userId, status: "APPROVED" },
    });
    if (!member) throw new BadUserInputError("userId: not an approved member of this tenant.");
    const role = input.role ?? "MEMBER";
    const row = await tx.teamMember.upsert({
      where: { teamId_userId: { teamId: team.id, userId: input.userId } },
      create: { tenantId: actor.tenantId, teamId: team.id, userId: input.userId, role },
      update: { role },
    });
    stx.audit({
      action: "team.set_member",
      resourceType: "Team",
      resourceId: team.id,
      changes: { teamMemberId: row.id, userId: input.userId, role },
    });
    return team;
  });
}

export async function removeTeamMember(ctx: IdentityContext, input: { teamId: string; userId: string }): Promise<Team> {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  return scope.write(async (stx) => {
    const tx = stx.db;
    const team = await findTeamInTenant(tx, actor.tenantId, input.teamId);
    const { count } = await tx.teamMember.deleteMany({
      where: { teamId: team.id, userId: input.userId, tenantId: actor.tenantId },
    });
    if (count === 0) throw new NotFoundError("That user is not in the team.");
    stx.audit({
      action: "team.remove_member",
      resourceType: "Team",
      resourceId: team.id,
      changes: { userId: input.userId },
    });
    return team;
  });
}
