import { CreateAiModelVersionInput } from "../../domain/ai-model-input";
import { createAiModelVersion } from "../../domain/create-ai-model-version";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const createAiModelVersionResolver: MutationResolvers["createAiModelVersion"] = async (_, args, ctx) => ({
  modelVersion: await createAiModelVersion(ctx.scope, inputOf(CreateAiModelVersionInput, args)),
});
