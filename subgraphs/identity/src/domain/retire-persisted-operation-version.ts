import { NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createPersistedOperationStore } from "../data/persisted-operation-store";
import { announcePersistedOperations } from "./announce-persisted-operations";
import { authorize } from "./authorize";

/** Retires a version: its operations stop resolving; retiring twice changes nothing. */
export async function retirePersistedOperationVersion(ctx: IdentityContext, input: { app: string; version: string }) {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  const version = await scope.write(async (stx) => {
    const operations = createPersistedOperationStore(stx);
    const found = await operations.findVersion(input.app, input.version);
    if (!found) throw new NotFoundError(`no version ${input.version} of ${input.app} in this tenant`);
    if (found.status === "RETIRED") return found;
    const retired = await operations.retire(found.id);
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
