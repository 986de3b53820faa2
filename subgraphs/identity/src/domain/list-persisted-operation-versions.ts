import type { PageArgs } from "@atelier/subgraph-kit";
import { requireRole } from "@atelier/subgraph-kit";
import { createPersistedOperationStore } from "../data/persisted-operation-store";
import type { MemberScope } from "../scope";

export async function listPersistedOperationVersions(
  scope: MemberScope,
  input: PageArgs & { app: string; status?: "ACTIVE" | "RETIRED" | null },
) {
  requireRole(scope.actor, "ADMIN");
  return scope.read((tx) => createPersistedOperationStore(tx).versionsPage(input, input));
}
