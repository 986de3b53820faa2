import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { authorize } from "./authorize";
import { inTenant } from "./in-tenant";

export async function listTeams(ctx: IdentityContext, input: PageArgs) {
  const actor = await authorize(ctx, "VIEWER");
  return inTenant(ctx, actor.tenantId, (tx) =>
    prismaKeysetPage(
      tx,
      { table: `identity."teams"`, direction: "asc", scope: { tenantId: actor.tenantId } },
      input,
      (page) => tx.team.findMany({ where: { tenantId: actor.tenantId }, ...page }),
    ),
  );
}

export async function findTeam(ctx: IdentityContext, id: string) {
  const actor = await authorize(ctx, "VIEWER");
  return inTenant(ctx, actor.tenantId, (tx) => tx.team.findFirst({ where: { id, tenantId: actor.tenantId } }));
}

/** A team's members; the team was reached through a tenant-checked query. */
export async function listTeamMembers(ctx: IdentityContext, team: { id: string; tenantId: string }, input: PageArgs) {
  return inTenant(ctx, team.tenantId, (tx) =>
    prismaKeysetPage(
      tx,
      { table: `identity."team_members"`, column: "joinedAt", direction: "asc", scope: { teamId: team.id } },
      input,
      (page) => tx.teamMember.findMany({ where: { teamId: team.id, tenantId: team.tenantId }, ...page }),
    ),
  );
}
