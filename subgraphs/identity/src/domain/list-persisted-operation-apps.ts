import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { authorize } from "./authorize";
import { inTenant } from "./in-tenant";

export async function listPersistedOperationApps(ctx: IdentityContext, input: PageArgs) {
  const actor = await authorize(ctx, "ADMIN");
  return inTenant(ctx, actor.tenantId, (tx) =>
    prismaKeysetPage(
      tx,
      { table: `identity."persisted_operation_apps"`, direction: "asc", scope: { tenantId: actor.tenantId } },
      input,
      (page) => tx.persistedOperationApp.findMany({ where: { tenantId: actor.tenantId }, ...page }),
    ),
  );
}
