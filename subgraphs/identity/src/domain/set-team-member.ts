import { BadUserInputError, requireRole } from "@atelier/subgraph-kit";
import { createMembershipStore } from "../data/membership-store";
import { createTeamStore } from "../data/team-store";
import type { Team, TeamRole } from "../generated/prisma/client";
import type { MemberScope } from "../scope";

/** Adds an approved member of the tenant to a team, or changes their team role. */
export async function setTeamMember(
  scope: MemberScope,
  input: { teamId: string; userId: string; role?: TeamRole | null },
): Promise<Team> {
  requireRole(scope.actor, "ADMIN");
  return scope.write(async (tx) => {
    const teams = createTeamStore(tx);
    const team = await teams.find(input.teamId);
    if (!(await createMembershipStore(tx).isApprovedMember(input.userId)))
      throw new BadUserInputError("userId: not an approved member of this tenant.");
    const role = input.role ?? "MEMBER";
    const row = await teams.setMember(team.id, input.userId, role);
    tx.audit({
      action: "team.set_member",
      resourceType: "Team",
      resourceId: team.id,
      changes: { teamMemberId: row.id, userId: input.userId, role },
    });
    return team;
  });
}
