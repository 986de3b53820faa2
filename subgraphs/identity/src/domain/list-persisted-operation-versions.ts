import type { PageArgs } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createPersistedOperationStore } from "../data/persisted-operation-store";
import { authorize } from "./authorize";

export async function listPersistedOperationVersions(
  ctx: IdentityContext,
  input: PageArgs & { app: string; status?: "ACTIVE" | "RETIRED" | null },
) {
  const scope = await authorize(ctx, "ADMIN");
  return scope.read((tx) => createPersistedOperationStore(tx).versionsPage(input, input));
}
