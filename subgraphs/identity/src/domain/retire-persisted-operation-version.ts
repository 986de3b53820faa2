import { NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { announcePersistedOperations } from "./announce-persisted-operations";
import { authorize } from "./authorize";

/** Retires a version: its operations stop resolving; retiring twice changes nothing. */
export async function retirePersistedOperationVersion(ctx: IdentityContext, input: { app: string; version: string }) {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  const version = await scope.write(async (stx) => {
    const tx = stx.db;
    const found = await tx.persistedOperationManifestVersion.findFirst({
      where: { tenantId: actor.tenantId, version: input.version, app: { name: input.app } },
    });
    if (!found) throw new NotFoundError(`no version ${input.version} of ${input.app} in this tenant`);
    if (found.status === "RETIRED") return found;
    const retired = await tx.persistedOperationManifestVersion.update({
      where: { id: found.id },
      data: { status: "RETIRED", retiredAt: new Date() },
    });
    stx.audit({
      action: "persisted_operations.retire",
      resourceType: "PersistedOperationVersion",
      resourceId: found.id,
      changes: { app: input.app, version: input.version, status: { from: "ACTIVE", to: "RETIRED" } },
    });
    return retired;
  });
  await announcePersistedOperations(ctx.services, {
    tenantId: actor.tenantId,
    app: input.app,
    version: input.version,
    status: "RETIRED",
  });
  return { version };
}
