import type { ScopedTx } from "@atelier/db";
import { NotFoundError, type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { Prisma, Team, TeamRole } from "../generated/prisma/client";
import type { Db } from "./db";

/** The teams of the scope's tenant and their members. */
export function createTeamStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    /** NOT_FOUND for an unknown id or another tenant's team. */
    async find(id: string): Promise<Team> {
      const team = await db.team.findFirst({ where: { id, tenantId } });
      if (!team) throw new NotFoundError("No team with that id in this tenant.");
      return team;
    },
    findOrNull: (id: string): Promise<Team | null> => db.team.findFirst({ where: { id, tenantId } }),
    create: (data: Omit<Prisma.TeamUncheckedCreateInput, "tenantId">): Promise<Team> =>
      db.team.create({ data: { ...data, tenantId } }),
    update: (id: string, data: Prisma.TeamUncheckedUpdateInput): Promise<Team> =>
      db.team.update({ where: { id, tenantId }, data }),
    delete: (id: string): Promise<Team> => db.team.delete({ where: { id, tenantId } }),
    page: (input: PageArgs) =>
      prismaKeysetPage(db, { table: `identity."teams"`, direction: "asc", scope: { tenantId } }, input, (page) =>
        db.team.findMany({ where: { tenantId }, ...page }),
      ),
    membersPage: (teamId: string, input: PageArgs) =>
      prismaKeysetPage(
        db,
        { table: `identity."team_members"`, column: "joinedAt", direction: "asc", scope: { teamId } },
        input,
        (page) => db.teamMember.findMany({ where: { teamId, tenantId }, ...page }),
      ),
    setMember: (teamId: string, userId: string, role: TeamRole) =>
      db.teamMember.upsert({
        where: { teamId_userId: { teamId, userId } },
        create: { tenantId, teamId, userId, role },
        update: { role },
      }),
    /** How many rows went (0 when the user was not in the team). */
    removeMember: async (teamId: string, userId: string): Promise<number> =>
      (await db.teamMember.deleteMany({ where: { teamId, userId, tenantId } })).count,
  };
}
