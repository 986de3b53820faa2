import type { ScopedTx } from "@atelier/db";
import { BadUserInputError, NotFoundError, type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

export const BUILTIN_MODEL_NAME = "atelier-builtin-image";

/** The AI model registry as a tenant sees it: the system's models (NULL tenant) and its own. */
export function createAiModelStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    create(data: Omit<Prisma.AiModelUncheckedCreateInput, "tenantId">) {
      return db.aiModel.create({ data: { ...data, tenantId } });
    },
    createVersion(data: Omit<Prisma.AiModelVersionUncheckedCreateInput, "tenantId">) {
      return db.aiModelVersion.create({ data: { ...data, tenantId } });
    },
    recordValidation(data: Omit<Prisma.AiModelValidationResultUncheckedCreateInput, "tenantId">) {
      return db.aiModelValidationResult.create({ data: { ...data, tenantId } });
    },
    recordDeployment(data: Omit<Prisma.AiModelDeploymentUncheckedCreateInput, "tenantId">) {
      return db.aiModelDeployment.create({ data: { ...data, tenantId } });
    },
    recordFeedback(data: Omit<Prisma.AiModelFeedbackUncheckedCreateInput, "tenantId">) {
      return db.aiModelFeedback.create({ data: { ...data, tenantId } });
    },

    /** The tenant's own model (system models are read-only to tenants), or null. */
    findOwn(id: string) {
      return db.aiModel.findFirst({ where: { id, tenantId } });
    },

    /** A version of one of the tenant's own models, or NOT_FOUND. */
    async ownVersion(id: string) {
      const version = await db.aiModelVersion.findFirst({ where: { id, tenantId } });
      if (!version) throw new NotFoundError(`Model version ${id} not found among this tenant's models.`);
      return version;
    },

    /** The model a generation uses (default: the built-in one) and its PRODUCTION version. */
    async resolveForGeneration(modelId: string | null | undefined) {
      const model = await db.aiModel.findFirst({
        where: modelId
          ? { id: modelId, OR: [{ tenantId: null }, { tenantId }] }
          : { tenantId: null, name: BUILTIN_MODEL_NAME },
      });
      if (!model) throw new NotFoundError(`AI model ${modelId ?? BUILTIN_MODEL_NAME} not found.`);
      if (!model.isActive) throw new BadUserInputError(`AI model ${model.name} is not active.`);
      if (model.taskType !== "IMAGE_GENERATION")
        throw new BadUserInputError(`AI model ${model.name} does not generate images.`);
      const version = await db.aiModelVersion.findFirst({ where: { modelId: model.id, status: "PRODUCTION" } });
      if (!version) throw new BadUserInputError(`AI model ${model.name} has no PRODUCTION version to generate with.`);
      return { model, version, label: `${model.name}@${version.versionNumber}` };
    },

    list(args: PageArgs) {
      return prismaKeysetPage(db, { table: `creative."ai_models"`, direction: "asc" }, args, (page) =>
        db.aiModel.findMany({ where: { OR: [{ tenantId: null }, { tenantId }] }, ...page }),
      );
    },
  };
}
