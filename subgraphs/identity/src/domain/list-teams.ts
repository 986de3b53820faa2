import type { PageArgs } from "@atelier/subgraph-kit";
import { requireRole } from "@atelier/subgraph-kit";
import { createTeamStore } from "../data/team-store";
import type { MemberScope } from "../scope";

export async function listTeams(scope: MemberScope, input: PageArgs) {
  requireRole(scope.actor, "VIEWER");
  return scope.read((tx) => createTeamStore(tx).page(input));
}
