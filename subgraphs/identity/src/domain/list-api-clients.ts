import type { PageArgs } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createApiClientStore } from "../data/api-client-store";
import { authorize } from "./authorize";

export async function listApiClients(ctx: IdentityContext, input: PageArgs) {
  const scope = await authorize(ctx, "ADMIN");
  return scope.read((tx) => createApiClientStore(tx).page(input));
}
