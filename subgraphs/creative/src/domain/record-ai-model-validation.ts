import type { z } from "zod";
import type { CreativeScope } from "../scope/creative-scope";
import type { RecordAiModelValidationInput } from "./ai-model-input";
import { findOwnModelVersion } from "./find-own-model-version";
import { requireCreativeAdmin } from "./require-creative-admin";

export function recordAiModelValidation(scope: CreativeScope, input: z.infer<typeof RecordAiModelValidationInput>) {
  requireCreativeAdmin(scope.actor);
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    await findOwnModelVersion(tx, actor.tenantId, input.modelVersionId);
    const result = await tx.aiModelValidationResult.create({
      data: {
        tenantId: actor.tenantId,
        modelVersionId: input.modelVersionId,
        securityScanStatus: input.securityScanStatus,
        functionalStatus: input.functionalStatus,
        performanceBenchmark: (input.performanceBenchmark ?? {}) as object,
        results: (input.results ?? {}) as object,
        validatedById: actor.kind === "user" ? actor.actorId : null,
      },
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
