import type { z } from "zod";
import type { CreativeScope } from "../scope/creative-scope";
import type { RecordAiModelDeploymentInput } from "./ai-model-input";
import { findOwnModelVersion } from "./find-own-model-version";
import { requireCreativeAdmin } from "./require-creative-admin";

export function recordAiModelDeployment(scope: CreativeScope, input: z.infer<typeof RecordAiModelDeploymentInput>) {
  requireCreativeAdmin(scope.actor);
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    await findOwnModelVersion(tx, actor.tenantId, input.modelVersionId);
    const deployment = await tx.aiModelDeployment.create({
      data: {
        tenantId: actor.tenantId,
        modelVersionId: input.modelVersionId,
        environment: input.environment,
        status: input.status ?? "INITIATED",
        deploymentStrategy: input.deploymentStrategy ?? null,
        endpoint: input.endpoint ?? null,
        details: (input.details ?? {}) as object,
        deployedById: actor.kind === "user" ? actor.actorId : null,
      },
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
