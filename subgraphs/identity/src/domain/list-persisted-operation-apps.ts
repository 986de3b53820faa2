import type { PageArgs } from "@atelier/subgraph-kit";
import { requireRole } from "@atelier/subgraph-kit";
import { createPersistedOperationStore } from "../data/persisted-operation-store";
import type { MemberScope } from "../scope";

export async function listPersistedOperationApps(scope: MemberScope, input: PageArgs) {
  requireRole(scope.actor, "ADMIN");
  return scope.read((tx) => createPersistedOperationStore(tx).appsPage(input));
}
