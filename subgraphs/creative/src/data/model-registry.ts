import { BadUserInputError, NotFoundError } from "@atelier/subgraph-kit";
import type { Db } from "./db";

export const BUILTIN_MODEL_NAME = "atelier-builtin-image";

/** The model a generation uses (default: the built-in one) and its PRODUCTION version. */
export async function resolveModelVersion(tx: Db, tenantId: string, modelId: string | null | undefined) {
  const model = await tx.aiModel.findFirst({
    where: modelId
      ? { id: modelId, OR: [{ tenantId: null }, { tenantId }] }
      : { tenantId: null, name: BUILTIN_MODEL_NAME },
  });
  if (!model) throw new NotFoundError(`AI model ${modelId ?? BUILTIN_MODEL_NAME} not found.`);
  if (!model.isActive) throw new BadUserInputError(`AI model ${model.name} is not active.`);
  if (model.taskType !== "IMAGE_GENERATION")
    throw new BadUserInputError(`AI model ${model.name} does not generate images.`);
  const version = await tx.aiModelVersion.findFirst({ where: { modelId: model.id, status: "PRODUCTION" } });
  if (!version) throw new BadUserInputError(`AI model ${model.name} has no PRODUCTION version to generate with.`);
  return { model, version, label: `${model.name}@${version.versionNumber}` };
}
