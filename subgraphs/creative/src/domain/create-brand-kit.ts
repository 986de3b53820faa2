import { requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createBrandKitStore } from "../data/brand-kit-store";
import type { CreateBrandKitInput } from "../inputs/brand-kit-input";
import type { CreativeScope } from "../scope/creative-scope";
import { assertLogoAssets } from "./assert-logo-assets";

export function createBrandKit(scope: CreativeScope, input: z.infer<typeof CreateBrandKitInput>) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const _tx = scoped.db;
    await assertLogoAssets(scoped, input.logos);
    if (input.isDefault) await createBrandKitStore(scoped).clearDefault(actor.actorId!);
    const kit = await createBrandKitStore(scoped).create({
      ownerId: actor.actorId!,
      name: input.name,
      colors: input.colors,
      fonts: input.fonts ?? [],
      logos: input.logos ?? [],
      stylePreferences: (input.stylePreferences ?? {}) as object,
      isDefault: input.isDefault ?? false,
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
