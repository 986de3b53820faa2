import { SetAiModelVersionStatusInput } from "../../domain/ai-model-input";
import { setAiModelVersionStatus } from "../../domain/set-ai-model-version-status";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const setAiModelVersionStatusResolver: MutationResolvers["setAiModelVersionStatus"] = async (_, args, ctx) => ({
  modelVersion: await setAiModelVersionStatus(ctx.scope, inputOf(SetAiModelVersionStatusInput, args)),
});
