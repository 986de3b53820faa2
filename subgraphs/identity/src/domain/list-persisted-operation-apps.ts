import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { authorize } from "./authorize";

export async function listPersistedOperationApps(ctx: IdentityContext, input: PageArgs) {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(
      tx,
      { table: `identity."persisted_operation_apps"`, direction: "asc", scope: { tenantId: actor.tenantId } },
      input,
      (page) => tx.persistedOperationApp.findMany({ where: { tenantId: actor.tenantId }, ...page }),
    ),
  );
}
