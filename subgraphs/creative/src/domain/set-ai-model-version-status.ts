import type { z } from "zod";
import { createAiModelStore } from "../data/ai-model-store";
import type { SetAiModelVersionStatusInput } from "../inputs/ai-model-input";
import type { CreativeScope } from "../scope/creative-scope";
import { requireCreativeAdmin } from "./require-creative-admin";

/** PRODUCTION demotes the model's previous production version to DEPRECATED, in the same transaction. */
export function setAiModelVersionStatus(scope: CreativeScope, input: z.infer<typeof SetAiModelVersionStatusInput>) {
  requireCreativeAdmin(scope.actor);
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const version = await createAiModelStore(scoped).ownVersion(input.modelVersionId);
    if (input.status === "PRODUCTION") {
      await tx.aiModelVersion.updateMany({
        where: { modelId: version.modelId, status: "PRODUCTION", id: { not: version.id } },
        data: { status: "DEPRECATED" },
      });
    }
    const updated = await tx.aiModelVersion.update({ where: { id: version.id }, data: { status: input.status } });
    scoped.audit({
      action: "ai_model.version_status",
      resourceType: "AiModelVersion",
      resourceId: version.id,
      changes: { from: version.status, to: input.status },
    });
    return updated;
  });
}
