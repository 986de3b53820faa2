import type { PageArgs } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createTeamStore } from "../data/team-store";
import { authorize } from "./authorize";

export async function listTeams(ctx: IdentityContext, input: PageArgs) {
  const scope = await authorize(ctx, "VIEWER");
  return scope.read((tx) => createTeamStore(tx).page(input));
}
