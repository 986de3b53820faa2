import type { z } from "zod";
import { createAiModelStore } from "../data/ai-model-store";
import type { RegisterAiModelInput } from "../inputs/ai-model-input";
import type { CreativeScope } from "../scope/creative-scope";
import { requireCreativeAdmin } from "./require-creative-admin";

export function registerAiModel(scope: CreativeScope, input: z.infer<typeof RegisterAiModelInput>) {
  requireCreativeAdmin(scope.actor);
  return scope.write(async (scoped) => {
    const _tx = scoped.db;
    const model = await createAiModelStore(scoped).create({ ...input, description: input.description ?? null });
    scoped.audit({
      action: "ai_model.register",
      resourceType: "AiModel",
      resourceId: model.id,
      changes: input,
    });
    return model;
  });
}
