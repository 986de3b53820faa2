import { z } from "zod";
import type { Context } from "../context";
import { listAiModels } from "../data/lists";
import {
  CreateAiModelVersionInput,
  RecordAiModelDeploymentInput,
  RecordAiModelValidationInput,
  RegisterAiModelInput,
  SetAiModelVersionStatusInput,
  SubmitAiModelFeedbackInput,
} from "../domain/ai-model-input";
import {
  createAiModelVersion,
  recordAiModelDeployment,
  recordAiModelValidation,
  registerAiModel,
  setAiModelVersionStatus,
} from "../domain/manage-ai-models";
import { inTenant, readerOf } from "../domain/scope";
import { submitAiModelFeedback } from "../domain/submit-ai-model-feedback";
import { id } from "../domain/validation";
import type {
  AiModel,
  AiModelDeployment,
  AiModelFeedback,
  AiModelValidationResult,
  AiModelVersion,
} from "../generated/prisma/client";
import { type Args, IdArgs, inputOf, PageArgs, userRef } from "./shared";

export const aiModelResolvers = {
  Query: {
    aiModels: (_: unknown, args: Args, ctx: Context) =>
      listAiModels(ctx.services, readerOf(ctx.identity), PageArgs.parse(args)),
    aiModel: (_: unknown, args: Args, ctx: Context) => ctx.loaders.aiModelById.load(IdArgs.parse(args).id),
    aiModelFeedback: (_: unknown, args: Args, ctx: Context) => {
      const { generationRequestId } = z.object({ generationRequestId: id }).parse(args);
      const actor = readerOf(ctx.identity);
      return inTenant(ctx.services, actor.tenantId, (tx) =>
        tx.aiModelFeedback.findMany({
          where: { tenantId: actor.tenantId, generationRequestId },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        }),
      );
    },
  },
  Mutation: {
    registerAiModel: async (_: unknown, args: Args, ctx: Context) => ({
      aiModel: await registerAiModel(ctx, inputOf(RegisterAiModelInput, args)),
    }),
    createAiModelVersion: async (_: unknown, args: Args, ctx: Context) => ({
      modelVersion: await createAiModelVersion(ctx, inputOf(CreateAiModelVersionInput, args)),
    }),
    setAiModelVersionStatus: async (_: unknown, args: Args, ctx: Context) => ({
      modelVersion: await setAiModelVersionStatus(ctx, inputOf(SetAiModelVersionStatusInput, args)),
    }),
    recordAiModelValidation: async (_: unknown, args: Args, ctx: Context) => ({
      validation: await recordAiModelValidation(ctx, inputOf(RecordAiModelValidationInput, args)),
    }),
    recordAiModelDeployment: async (_: unknown, args: Args, ctx: Context) => ({
      deployment: await recordAiModelDeployment(ctx, inputOf(RecordAiModelDeploymentInput, args)),
    }),
    submitAiModelFeedback: async (_: unknown, args: Args, ctx: Context) => ({
      feedback: await submitAiModelFeedback(ctx, inputOf(SubmitAiModelFeedbackInput, args)),
    }),
  },
  AiModel: {
    isSystem: (m: AiModel) => m.tenantId === null,
    versions: (m: AiModel, _: Args, ctx: Context) => ctx.loaders.versionsByModelId.load(m.id),
    productionVersion: async (m: AiModel, _: Args, ctx: Context) =>
      (await ctx.loaders.versionsByModelId.load(m.id)).find((v) => v.status === "PRODUCTION") ?? null,
  },
  AiModelVersion: {
    model: (v: AiModelVersion, _: Args, ctx: Context) => ctx.loaders.aiModelById.load(v.modelId),
    parameters: (v: AiModelVersion) => v.parameters ?? {},
    validations: (v: AiModelVersion, _: Args, ctx: Context) => ctx.loaders.validationsByVersionId.load(v.id),
    deployments: (v: AiModelVersion, _: Args, ctx: Context) => ctx.loaders.deploymentsByVersionId.load(v.id),
  },
  AiModelValidationResult: {
    validatedBy: (r: AiModelValidationResult) => userRef(r.validatedById),
  },
  AiModelDeployment: {
    deployedBy: (d: AiModelDeployment) => userRef(d.deployedById),
  },
  AiModelFeedback: {
    generationRequest: (f: AiModelFeedback, _: Args, ctx: Context) =>
      ctx.loaders.generationRequestById.load(f.generationRequestId),
    modelVersion: (f: AiModelFeedback, _: Args, ctx: Context) =>
      f.modelVersionId ? ctx.loaders.aiModelVersionById.load(f.modelVersionId) : null,
    user: (f: AiModelFeedback) => userRef(f.userId),
  },
};
