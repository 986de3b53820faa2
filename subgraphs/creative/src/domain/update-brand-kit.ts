import { requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createBrandKitStore } from "../data/brand-kit-store";
import type { UpdateBrandKitInput } from "../inputs/brand-kit-input";
import type { CreativeScope } from "../scope/creative-scope";
import { assertLogoAssets } from "./assert-logo-assets";
import { findEditableBrandKit } from "./find-editable-brand-kit";

export function updateBrandKit(scope: CreativeScope, input: z.infer<typeof UpdateBrandKitInput>) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const kit = await findEditableBrandKit(scoped, actor, input.id);
    await assertLogoAssets(scoped, input.logos);
    if (input.isDefault) await createBrandKitStore(scoped).clearDefault(kit.ownerId);
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
