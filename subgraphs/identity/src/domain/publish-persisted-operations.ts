import { ConflictError, requireRole } from "@atelier/subgraph-kit";
import { createPersistedOperationStore } from "../data/persisted-operation-store";
import { parseManifest } from "../persisted/parse-manifest";
import type { MemberScope } from "../scope";
import { announcePersistedOperations } from "./announce-persisted-operations";

export interface PublishPersistedOperationsInput {
  app: string;
  version: string;
  manifest: unknown;
}

/** Stores a manifest as a new ACTIVE version of the app (created on first publish). */
export async function publishPersistedOperations(scope: MemberScope, input: PublishPersistedOperationsInput) {
  requireRole(scope.actor, "ADMIN");
  const { actor } = scope;
  const entries = parseManifest(input.manifest);
  const version = await scope.write(async (stx) => {
    const store = createPersistedOperationStore(stx);
    const version = await store.publish(input.app, input.version, entries, actor.userId);
    if (!version) throw new ConflictError(`version ${input.version} of ${input.app} is already published`);
    stx.audit({
      action: "persisted_operations.publish",
      resourceType: "PersistedOperationVersion",
      resourceId: version.id,
      changes: { app: input.app, version: input.version, operationIds: entries.map((e) => e.id) },
    });
    return version;
  });
  await announcePersistedOperations(scope.services, {
    tenantId: actor.tenantId,
    app: input.app,
    version: input.version,
    status: "ACTIVE",
  });
  return { version };
}
