import { RegisterAiModelInput } from "../../domain/ai-model-input";
import { registerAiModel } from "../../domain/register-ai-model";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const registerAiModelResolver: MutationResolvers["registerAiModel"] = async (_, args, ctx) => ({
  aiModel: await registerAiModel(ctx.scope, inputOf(RegisterAiModelInput, args)),
});
