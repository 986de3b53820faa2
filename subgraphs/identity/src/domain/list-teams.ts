import { idCursor, type PageArgs, prismaPage, STABLE_ORDER, toConnection } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { authorize } from "./authorize";
import { inTenant } from "./in-tenant";

export async function listTeams(ctx: IdentityContext, input: PageArgs) {
  const actor = await authorize(ctx, "VIEWER");
  const { take, query } = prismaPage(input);
  const rows = await inTenant(ctx, actor.tenantId, (tx) =>
    tx.team.findMany({ where: { tenantId: actor.tenantId }, orderBy: STABLE_ORDER, ...query }),
  );
  return toConnection(rows, take, idCursor);
}

export async function findTeam(ctx: IdentityContext, id: string) {
  const actor = await authorize(ctx, "VIEWER");
  return inTenant(ctx, actor.tenantId, (tx) => tx.team.findFirst({ where: { id, tenantId: actor.tenantId } }));
}

/** A team's members; the team was reached through a tenant-checked query. */
export async function listTeamMembers(ctx: IdentityContext, team: { id: string; tenantId: string }, input: PageArgs) {
  const { take, query } = prismaPage(input);
  const rows = await inTenant(ctx, team.tenantId, (tx) =>
    tx.teamMember.findMany({
      where: { teamId: team.id, tenantId: team.tenantId },
      orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
      ...query,
    }),
  );
  return toConnection(rows, take, idCursor);
}
