import type { ScopedTx } from "@atelier/db";
import { BadUserInputError, NotFoundError, type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { Db } from "./db";

export const BUILTIN_MODEL_NAME = "atelier-builtin-image";

/** The AI model registry as a tenant sees it: the system's models (NULL tenant) and its own. */
export function createAiModelStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
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
