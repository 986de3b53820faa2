import { requireWriter } from "@atelier/subgraph-kit";
import { createWorkspaceStore } from "../data/workspace-store";
import type { CreativeScope } from "../scope/creative-scope";
import { findEditableBrandKit } from "./find-editable-brand-kit";

export function deleteBrandKit(scope: CreativeScope, input: { id: string }) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    await findEditableBrandKit(scoped, actor, input.id);
    await createWorkspaceStore(scoped).forgetDefaultBrandKit(input.id);
    await tx.brandKit.delete({ where: { id: input.id } });
    scoped.audit({
      action: "brand_kit.delete",
      resourceType: "BrandKit",
      resourceId: input.id,
    });
    return input.id;
  });
}
