import { setAiModelVersionStatus } from "../../domain/set-ai-model-version-status";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { SetAiModelVersionStatusInput } from "../../inputs/ai-model-input";
import { inputOf } from "../shared";

export const setAiModelVersionStatusResolver: MutationResolvers["setAiModelVersionStatus"] = async (_, args, ctx) => ({
  modelVersion: await setAiModelVersionStatus(ctx.scope, inputOf(SetAiModelVersionStatusInput, args)),
});
