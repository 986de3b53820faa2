import type { PageArgs } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createPersistedOperationStore } from "../data/persisted-operation-store";
import { authorize } from "./authorize";

export async function listPersistedOperationApps(ctx: IdentityContext, input: PageArgs) {
  const scope = await authorize(ctx, "ADMIN");
  return scope.read((tx) => createPersistedOperationStore(tx).appsPage(input));
}
