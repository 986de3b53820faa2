import { registerAiModel } from "../../domain/register-ai-model";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { RegisterAiModelInput } from "../../inputs/ai-model-input";
import { inputOf } from "../shared";

export const registerAiModelResolver: MutationResolvers["registerAiModel"] = async (_, args, ctx) => ({
  aiModel: await registerAiModel(ctx.scope, inputOf(RegisterAiModelInput, args)),
});
