import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { authorize } from "./authorize";

export async function listTeams(ctx: IdentityContext, input: PageArgs) {
  const scope = await authorize(ctx, "VIEWER");
  const { actor } = scope;
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(
      tx,
      { table: `identity."teams"`, direction: "asc", scope: { tenantId: actor.tenantId } },
      input,
      (page) => tx.team.findMany({ where: { tenantId: actor.tenantId }, ...page }),
    ),
  );
}

export async function findTeam(ctx: IdentityContext, id: string) {
  const scope = await authorize(ctx, "VIEWER");
  const { actor } = scope;
  return scope.read(({ db: tx }) => tx.team.findFirst({ where: { id, tenantId: actor.tenantId } }));
}

/** A team's members, read in the caller's tenant scope (a team of another tenant has none). */
export async function listTeamMembers(ctx: IdentityContext, team: { id: string; tenantId: string }, input: PageArgs) {
  const scope = await authorize(ctx, "VIEWER");
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(
      tx,
      { table: `identity."team_members"`, column: "joinedAt", direction: "asc", scope: { teamId: team.id } },
      input,
      (page) => tx.teamMember.findMany({ where: { teamId: team.id, tenantId: scope.tenantId }, ...page }),
    ),
  );
}
