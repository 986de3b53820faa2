import type { z } from "zod";
import type { CreativeScope } from "../scope/creative-scope";
import type { RegisterAiModelInput } from "./ai-model-input";
import { requireCreativeAdmin } from "./require-creative-admin";

export function registerAiModel(scope: CreativeScope, input: z.infer<typeof RegisterAiModelInput>) {
  requireCreativeAdmin(scope.actor);
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const model = await tx.aiModel.create({
      data: { ...input, description: input.description ?? null, tenantId: actor.tenantId },
    });
    scoped.audit({
      action: "ai_model.register",
      resourceType: "AiModel",
      resourceId: model.id,
      changes: input,
    });
    return model;
  });
}
