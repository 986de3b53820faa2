import { NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createPersistedOperationStore } from "../data/persisted-operation-store";
import type { MemberScope } from "../scope";
import { announcePersistedOperations } from "./announce-persisted-operations";

/** Retires a version: its operations stop resolving; retiring twice changes nothing. */
export async function retirePersistedOperationVersion(scope: MemberScope, input: { app: string; version: string }) {
  requireRole(scope.actor, "ADMIN");
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
  await announcePersistedOperations(scope.services, {
    tenantId: actor.tenantId,
    app: input.app,
    version: input.version,
    status: "RETIRED",
  });
  return { version };
}
