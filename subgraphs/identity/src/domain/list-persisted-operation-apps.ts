import { idCursor, type PageArgs, prismaPage, STABLE_ORDER, toConnection } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { authorize } from "./authorize";
import { inTenant } from "./in-tenant";

export async function listPersistedOperationApps(ctx: IdentityContext, input: PageArgs) {
  const actor = await authorize(ctx, "ADMIN");
  const { take, query } = prismaPage(input);
  const rows = await inTenant(ctx, actor.tenantId, (tx) =>
    tx.persistedOperationApp.findMany({ where: { tenantId: actor.tenantId }, orderBy: STABLE_ORDER, ...query }),
  );
  return toConnection(rows, take, idCursor);
}
