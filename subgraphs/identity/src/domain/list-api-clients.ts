import type { PageArgs } from "@atelier/subgraph-kit";
import { requireRole } from "@atelier/subgraph-kit";
import { createApiClientStore } from "../data/api-client-store";
import type { MemberScope } from "../scope";

export async function listApiClients(scope: MemberScope, input: PageArgs) {
  requireRole(scope.actor, "ADMIN");
  return scope.read((tx) => createApiClientStore(tx).page(input));
}
