import type { PageArgs } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createTeamStore } from "../data/team-store";
import { authorize } from "./authorize";

/** A team's members, read in the caller's tenant scope (a team of another tenant has none). */
export async function listTeamMembers(ctx: IdentityContext, team: { id: string }, input: PageArgs) {
  const scope = await authorize(ctx, "VIEWER");
  return scope.read((tx) => createTeamStore(tx).membersPage(team.id, input));
}
