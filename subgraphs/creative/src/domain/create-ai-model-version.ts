import { NotFoundError } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createAiModelStore } from "../data/ai-model-store";
import type { CreateAiModelVersionInput } from "../inputs/ai-model-input";
import type { CreativeScope } from "../scope/creative-scope";
import { requireCreativeAdmin } from "./require-creative-admin";

export function createAiModelVersion(scope: CreativeScope, input: z.infer<typeof CreateAiModelVersionInput>) {
  requireCreativeAdmin(scope.actor);
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const _tx = scoped.db;
    const model = await createAiModelStore(scoped).findOwn(input.modelId);
    if (!model) throw new NotFoundError(`Model ${input.modelId} not found among this tenant's models.`);
    const version = await createAiModelStore(scoped).createVersion({
      modelId: model.id,
      versionNumber: input.versionNumber,
      sourcePath: input.sourcePath ?? null,
      format: input.format ?? null,
      parameters: (input.parameters ?? {}) as object,
      releaseNotes: input.releaseNotes ?? null,
      createdById: actor.actorId,
    });
    scoped.audit({
      action: "ai_model.version_create",
      resourceType: "AiModelVersion",
      resourceId: version.id,
      changes: { modelId: model.id, versionNumber: input.versionNumber },
    });
    return version;
  });
}
