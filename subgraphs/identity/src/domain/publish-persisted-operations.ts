import { ConflictError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { parseManifest } from "../persisted/parse-manifest";
import { announcePersistedOperations } from "./announce-persisted-operations";
import { authorize } from "./authorize";

export interface PublishPersistedOperationsInput {
  app: string;
  version: string;
  manifest: unknown;
}

/** Stores a manifest as a new ACTIVE version of the app (created on first publish). */
export async function publishPersistedOperations(ctx: IdentityContext, input: PublishPersistedOperationsInput) {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  const entries = parseManifest(input.manifest);
  const version = await scope.write(async (stx) => {
    const tx = stx.db;
    const app = await tx.persistedOperationApp.upsert({
      where: { tenantId_name: { tenantId: actor.tenantId, name: input.app } },
      create: { tenantId: actor.tenantId, name: input.app },
      update: {},
    });
    const existing = await tx.persistedOperationManifestVersion.findUnique({
      where: { appId_version: { appId: app.id, version: input.version } },
    });
    if (existing) throw new ConflictError(`version ${input.version} of ${input.app} is already published`);
    const version = await tx.persistedOperationManifestVersion.create({
      data: {
        tenantId: actor.tenantId,
        appId: app.id,
        version: input.version,
        operationCount: entries.length,
        publishedById: actor.userId,
      },
    });
    await tx.persistedOperation.createMany({
      data: entries.map((e) => ({ versionId: version.id, tenantId: actor.tenantId, ...e })),
    });
    stx.audit({
      action: "persisted_operations.publish",
      resourceType: "PersistedOperationVersion",
      resourceId: version.id,
      changes: { app: input.app, version: input.version, operationIds: entries.map((e) => e.id) },
    });
    return version;
  });
  await announcePersistedOperations(ctx.services, {
    tenantId: actor.tenantId,
    app: input.app,
    version: input.version,
    status: "ACTIVE",
  });
  return { version };
}
