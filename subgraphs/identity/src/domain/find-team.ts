import type { IdentityContext } from "../context";
import { createTeamStore } from "../data/team-store";
import { authorize } from "./authorize";

export async function findTeam(ctx: IdentityContext, id: string) {
  const scope = await authorize(ctx, "VIEWER");
  return scope.read((tx) => createTeamStore(tx).findOrNull(id));
}
