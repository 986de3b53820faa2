import { NotFoundError } from "@atelier/subgraph-kit";
import type { Db } from "./db";

export async function findTeamInTenant(db: Db, tenantId: string, id: string) {
  const team = await db.team.findFirst({ where: { id, tenantId } });
  if (!team) throw new NotFoundError("No team with that id in this tenant.");
  return team;
}
