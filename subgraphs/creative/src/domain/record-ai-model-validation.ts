import type { z } from "zod";
import { createAiModelStore } from "../data/ai-model-store";
import type { RecordAiModelValidationInput } from "../inputs/ai-model-input";
import type { CreativeScope } from "../scope/creative-scope";
import { requireCreativeAdmin } from "./require-creative-admin";

export function recordAiModelValidation(scope: CreativeScope, input: z.infer<typeof RecordAiModelValidationInput>) {
  requireCreativeAdmin(scope.actor);
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const _tx = scoped.db;
    await createAiModelStore(scoped).ownVersion(input.modelVersionId);
    const result = await createAiModelStore(scoped).recordValidation({
      modelVersionId: input.modelVersionId,
      securityScanStatus: input.securityScanStatus,
      functionalStatus: input.functionalStatus,
      performanceBenchmark: (input.performanceBenchmark ?? {}) as object,
      results: (input.results ?? {}) as object,
      validatedById: actor.kind === "user" ? actor.actorId : null,
    });
    scoped.audit({
      action: "ai_model.validate",
      resourceType: "AiModelVersion",
      resourceId: input.modelVersionId,
      changes: { securityScanStatus: input.securityScanStatus, functionalStatus: input.functionalStatus },
    });
    return result;
  });
}
