import { randomInt } from "node:crypto";
import { isUniqueViolation } from "@atelier/db";
import { type Actor, BadUserInputError, requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createAiModelStore } from "../data/ai-model-store";
import { createBrandKitStore } from "../data/brand-kit-store";
import { createCreditStore } from "../data/credit-store";
import { createGenerationEventStore } from "../data/generation-event-store";
import { createGenerationRequestStore } from "../data/generation-request-store";
import { createProjectStore } from "../data/project-store";
import { createTenantLockStore } from "../data/tenant-lock-store";
import { createUsageStore } from "../data/usage-store";
import { createWorkspaceStore } from "../data/workspace-store";
import { InsufficientCreditsError } from "../errors/insufficient-credits-error";
import { checkContent } from "../generation/content-safety";
import type { CreateGenerationRequestInput } from "../inputs/generation-input";
import type { CreativeScope } from "../scope/creative-scope";
import { enqueueInTransaction, SAMPLES_QUEUE } from "./enqueue-in-transaction";
import { requestForIdempotencyKey } from "./request-for-idempotency-key";

/**
 * Accepts a prompt: a content-safety check first (a refused prompt is recorded as
 * CONTENT_REJECTED and charges nothing), then, under the tenant's credit lock, the balance
 * check, the samples debit, the PROCESSING_SAMPLES state and the job, all in one transaction.
 * With an idempotency key, a repeat (even a concurrent one) returns the first request, debited once.
 */
export async function createGenerationRequest(
  scope: CreativeScope,
  input: z.infer<typeof CreateGenerationRequestInput>,
) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  const key = input.idempotencyKey ?? null;
  const previous = key ? await requestForIdempotencyKey(scope, key, input.workspaceId) : null;
  if (previous) return previous;
  try {
    return await createNew(scope, actor, input);
  } catch (error) {
    const raced =
      key && isUniqueViolation(error) ? await requestForIdempotencyKey(scope, key, input.workspaceId) : null;
    if (raced) return raced;
    throw error;
  }
}

async function createNew(scope: CreativeScope, actor: Actor, input: z.infer<typeof CreateGenerationRequestInput>) {
  const { config, providers } = scope.services;
  const verdict = checkContent([input.prompt, input.styleGuidance], config.generation.contentDenylist);
  const request = await scope.write(async (scoped) => {
    const tx = scoped.db;
    const workspace = await createWorkspaceStore(scoped).find(input.workspaceId);
    const project = input.projectId
      ? await createProjectStore(scoped).findInWorkspace(input.projectId, workspace.id)
      : null;
    if (input.brandKitId) await createBrandKitStore(scoped).find(input.brandKitId);
    const registry = await createAiModelStore(scoped).resolveForGeneration(input.modelId);
    if (!providers.has(registry.model.provider)) {
      throw new BadUserInputError(
        `AI model ${registry.model.name} runs on the "${registry.model.provider}" provider, which this deployment has not configured.`,
      );
    }
    const sampleCost = config.generation.sampleCost;
    if (verdict.allowed) {
      await createTenantLockStore(scoped).lock("credits");
      const balance = await createCreditStore(scoped).balance();
      if (balance < sampleCost) throw new InsufficientCreditsError(sampleCost, balance);
    }
    const created = await createGenerationRequestStore(scoped).create({
      workspaceId: workspace.id,
      projectId: project?.id ?? null,
      brandKitId: input.brandKitId ?? project?.brandKitId ?? workspace.defaultBrandKitId,
      requestedById: actor.kind === "user" ? actor.actorId : null,
      prompt: input.prompt,
      styleGuidance: input.styleGuidance ?? null,
      parameters: (input.parameters ?? {}) as object,
      seed: input.seed ?? randomInt(0, 2_147_483_647),
      sampleCount: config.generation.sampleCount,
      creditsCostSample: verdict.allowed ? sampleCost : 0,
      creditsCostFinal: config.generation.finalCost,
      modelVersionId: registry.version.id,
      aiModelUsed: registry.label,
      idempotencyKey: input.idempotencyKey ?? null,
    });
    scoped.publish(await createGenerationEventStore(scoped).append(created, "PENDING"));
    const status = verdict.allowed ? "PROCESSING_SAMPLES" : "CONTENT_REJECTED";
    if (verdict.allowed) {
      await createCreditStore(scoped).debitPhase({
        generationRequestId: created.id,
        phase: "SAMPLES",
        amount: sampleCost,
        actorId: actor.actorId,
      });
      await createUsageStore(scoped).log({
        actorId: actor.actorId,
        generationRequestId: created.id,
        action: "generation.samples_started",
        creditsCost: sampleCost,
        details: { model: registry.label, samples: created.sampleCount },
      });
      await enqueueInTransaction(scope.services.queue, tx, SAMPLES_QUEUE, {
        generationRequestId: created.id,
        tenantId: scoped.tenantId,
      });
    }
    const updated = await tx.generationRequest.update({
      where: { id: created.id },
      data: { status, errorMessage: verdict.reason },
    });
    scoped.publish(await createGenerationEventStore(scoped).append(updated, status));
    scoped.audit({
      action: "generation_request.create",
      resourceType: "GenerationRequest",
      resourceId: created.id,
      changes: { workspaceId: workspace.id, status, model: registry.label },
    });
    return updated;
  });
  return request;
}
