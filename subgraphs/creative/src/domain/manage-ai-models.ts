import { NotFoundError } from "@atelier/subgraph-kit";
import type { z } from "zod";
import type { Db } from "../data/db";
import type { CreativeScope } from "../scope/creative-scope";
import type {
  CreateAiModelVersionInput,
  RecordAiModelDeploymentInput,
  RecordAiModelValidationInput,
  RegisterAiModelInput,
  SetAiModelVersionStatusInput,
} from "./ai-model-input";
import { requireCreativeAdmin } from "./require-creative-admin";

/** Only the tenant's own models can be changed; system models are read-only to tenants. */
async function ownVersion(tx: Db, tenantId: string, id: string) {
  const version = await tx.aiModelVersion.findFirst({ where: { id, tenantId } });
  if (!version) throw new NotFoundError(`Model version ${id} not found among this tenant's models.`);
  return version;
}

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

export function createAiModelVersion(scope: CreativeScope, input: z.infer<typeof CreateAiModelVersionInput>) {
  requireCreativeAdmin(scope.actor);
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const model = await tx.aiModel.findFirst({ where: { id: input.modelId, tenantId: actor.tenantId } });
    if (!model) throw new NotFoundError(`Model ${input.modelId} not found among this tenant's models.`);
    const version = await tx.aiModelVersion.create({
      data: {
        tenantId: actor.tenantId,
        modelId: model.id,
        versionNumber: input.versionNumber,
        sourcePath: input.sourcePath ?? null,
        format: input.format ?? null,
        parameters: (input.parameters ?? {}) as object,
        releaseNotes: input.releaseNotes ?? null,
        createdById: actor.actorId,
      },
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

/** PRODUCTION demotes the model's previous production version to DEPRECATED, in the same transaction. */
export function setAiModelVersionStatus(scope: CreativeScope, input: z.infer<typeof SetAiModelVersionStatusInput>) {
  requireCreativeAdmin(scope.actor);
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const version = await ownVersion(tx, actor.tenantId, input.modelVersionId);
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

export function recordAiModelValidation(scope: CreativeScope, input: z.infer<typeof RecordAiModelValidationInput>) {
  requireCreativeAdmin(scope.actor);
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    await ownVersion(tx, actor.tenantId, input.modelVersionId);
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

export function recordAiModelDeployment(scope: CreativeScope, input: z.infer<typeof RecordAiModelDeploymentInput>) {
  requireCreativeAdmin(scope.actor);
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    await ownVersion(tx, actor.tenantId, input.modelVersionId);
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
