import type { PageArgs } from "@atelier/subgraph-kit";
import { requireRole } from "@atelier/subgraph-kit";
import { createTeamStore } from "../data/team-store";
import type { MemberScope } from "../scope";

/** A team's members, read in the caller's tenant scope (a team of another tenant has none). */
export async function listTeamMembers(scope: MemberScope, input: PageArgs & { teamId: string }) {
  requireRole(scope.actor, "VIEWER");
  return scope.read((tx) => createTeamStore(tx).membersPage(input.teamId, input));
}
