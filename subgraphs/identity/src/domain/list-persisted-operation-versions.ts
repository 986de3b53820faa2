import { idCursor, type PageArgs, prismaPage, STABLE_ORDER, toConnection } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { authorize } from "./authorize";
import { inTenant } from "./in-tenant";

export async function listPersistedOperationVersions(
  ctx: IdentityContext,
  input: PageArgs & { app: string; status?: "ACTIVE" | "RETIRED" | null },
) {
  const actor = await authorize(ctx, "ADMIN");
  const { take, query } = prismaPage(input);
  const rows = await inTenant(ctx, actor.tenantId, (tx) =>
    tx.persistedOperationManifestVersion.findMany({
      where: { tenantId: actor.tenantId, app: { name: input.app }, ...(input.status ? { status: input.status } : {}) },
      orderBy: STABLE_ORDER,
      ...query,
    }),
  );
  return toConnection(rows, take, idCursor);
}
