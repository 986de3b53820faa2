import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { authorize } from "./authorize";

export async function listPersistedOperationVersions(
  ctx: IdentityContext,
  input: PageArgs & { app: string; status?: "ACTIVE" | "RETIRED" | null },
) {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(
      tx,
      { table: `identity."persisted_operation_versions"`, direction: "asc", scope: { tenantId: actor.tenantId } },
      input,
      (page) =>
        tx.persistedOperationManifestVersion.findMany({
          where: {
            tenantId: actor.tenantId,
            app: { name: input.app },
            ...(input.status ? { status: input.status } : {}),
          },
          ...page,
        }),
    ),
  );
}
