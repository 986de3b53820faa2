import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { authorize } from "./authorize";
import { inTenant } from "./in-tenant";

export async function listApiClients(ctx: IdentityContext, input: PageArgs) {
  const actor = await authorize(ctx, "ADMIN");
  return inTenant(ctx, actor.tenantId, (tx) =>
    prismaKeysetPage(
      tx,
      { table: `identity."api_clients"`, direction: "asc", scope: { tenantId: actor.tenantId } },
      input,
      (page) => tx.apiClient.findMany({ where: { tenantId: actor.tenantId }, ...page }),
    ),
  );
}
