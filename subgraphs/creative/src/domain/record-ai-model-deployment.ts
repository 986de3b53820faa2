import type { z } from "zod";
import { createAiModelStore } from "../data/ai-model-store";
import type { RecordAiModelDeploymentInput } from "../inputs/ai-model-input";
import type { CreativeScope } from "../scope/creative-scope";
import { requireCreativeAdmin } from "./require-creative-admin";

export function recordAiModelDeployment(scope: CreativeScope, input: z.infer<typeof RecordAiModelDeploymentInput>) {
  requireCreativeAdmin(scope.actor);
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const _tx = scoped.db;
    await createAiModelStore(scoped).ownVersion(input.modelVersionId);
    const deployment = await createAiModelStore(scoped).recordDeployment({
      modelVersionId: input.modelVersionId,
      environment: input.environment,
      status: input.status ?? "INITIATED",
      deploymentStrategy: input.deploymentStrategy ?? null,
      endpoint: input.endpoint ?? null,
      details: (input.details ?? {}) as object,
      deployedById: actor.kind === "user" ? actor.actorId : null,
    });
    scoped.audit({
      action: "ai_model.deploy",
      resourceType: "AiModelVersion",
      resourceId: input.modelVersionId,
      changes: { environment: input.environment, status: deployment.status },
    });
    return deployment;
  });
}
