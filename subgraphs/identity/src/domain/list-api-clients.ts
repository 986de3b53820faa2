import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { authorize } from "./authorize";

export async function listApiClients(ctx: IdentityContext, input: PageArgs) {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(
      tx,
      { table: `identity."api_clients"`, direction: "asc", scope: { tenantId: actor.tenantId } },
      input,
      (page) => tx.apiClient.findMany({ where: { tenantId: actor.tenantId }, ...page }),
    ),
  );
}
