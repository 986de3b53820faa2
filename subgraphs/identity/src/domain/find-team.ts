import { requireRole } from "@atelier/subgraph-kit";
import { createTeamStore } from "../data/team-store";
import type { MemberScope } from "../scope";

export async function findTeam(scope: MemberScope, input: { id: string }) {
  requireRole(scope.actor, "VIEWER");
  return scope.read((tx) => createTeamStore(tx).findOrNull(input.id));
}
