import { createAiModelVersion } from "../../domain/create-ai-model-version";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { CreateAiModelVersionInput } from "../../inputs/ai-model-input";
import { inputOf } from "../shared";

export const createAiModelVersionResolver: MutationResolvers["createAiModelVersion"] = async (_, args, ctx) => ({
  modelVersion: await createAiModelVersion(ctx.scope, inputOf(CreateAiModelVersionInput, args)),
});
