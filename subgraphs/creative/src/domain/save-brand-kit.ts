import { type Actor, ForbiddenError, NotFoundError, requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import type { Db } from "../data/db";
import type { CreativeScope } from "../scope/creative-scope";
import type { CreateBrandKitInput, UpdateBrandKitInput } from "./brand-kit-input";

async function assertLogoAssets(tx: Db, tenantId: string, logos: { assetId?: string | null }[] | null | undefined) {
  const ids = (logos ?? []).map((l) => l.assetId).filter((v): v is string => !!v);
  if (!ids.length) return;
  const found = await tx.asset.count({ where: { tenantId, id: { in: ids }, deletedAt: null } });
  if (found !== new Set(ids).size) throw new NotFoundError("A logo names an asset that does not exist in this tenant.");
}

/** Only one default per owner: the previous one stops being default in the same transaction. */
async function clearDefault(tx: Db, tenantId: string, ownerId: string) {
  await tx.brandKit.updateMany({ where: { tenantId, ownerId, isDefault: true }, data: { isDefault: false } });
}

export function createBrandKit(scope: CreativeScope, input: z.infer<typeof CreateBrandKitInput>) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    await assertLogoAssets(tx, actor.tenantId, input.logos);
    if (input.isDefault) await clearDefault(tx, actor.tenantId, actor.actorId!);
    const kit = await tx.brandKit.create({
      data: {
        tenantId: actor.tenantId,
        ownerId: actor.actorId!,
        name: input.name,
        colors: input.colors,
        fonts: input.fonts ?? [],
        logos: input.logos ?? [],
        stylePreferences: (input.stylePreferences ?? {}) as object,
        isDefault: input.isDefault ?? false,
      },
    });
    scoped.audit({
      action: "brand_kit.create",
      resourceType: "BrandKit",
      resourceId: kit.id,
      changes: { name: kit.name, isDefault: kit.isDefault },
    });
    return kit;
  });
}

async function findEditableKit(tx: Db, actor: Actor, id: string) {
  const kit = await tx.brandKit.findFirst({ where: { id, tenantId: actor.tenantId } });
  if (!kit) throw new NotFoundError(`Brand kit ${id} not found.`);
  if (kit.ownerId !== actor.actorId && actor.role !== "OWNER" && actor.role !== "ADMIN")
    throw new ForbiddenError("Only the brand kit's owner or an ADMIN can change it.");
  return kit;
}

export function updateBrandKit(scope: CreativeScope, input: z.infer<typeof UpdateBrandKitInput>) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const kit = await findEditableKit(tx, actor, input.id);
    await assertLogoAssets(tx, actor.tenantId, input.logos);
    if (input.isDefault) await clearDefault(tx, actor.tenantId, kit.ownerId);
    const { id, ...fields } = input;
    const data = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null));
    const updated = await tx.brandKit.update({ where: { id }, data });
    scoped.audit({
      action: "brand_kit.update",
      resourceType: "BrandKit",
      resourceId: id,
      changes: { fields: Object.keys(data) },
    });
    return updated;
  });
}

export function deleteBrandKit(scope: CreativeScope, input: { id: string }) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    await findEditableKit(tx, actor, input.id);
    await tx.workspace.updateMany({
      where: { tenantId: actor.tenantId, defaultBrandKitId: input.id },
      data: { defaultBrandKitId: null },
    });
    await tx.brandKit.delete({ where: { id: input.id } });
    scoped.audit({
      action: "brand_kit.delete",
      resourceType: "BrandKit",
      resourceId: input.id,
    });
    return input.id;
  });
}
