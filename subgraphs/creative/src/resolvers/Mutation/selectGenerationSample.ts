import { selectGenerationSample } from "../../domain/select-generation-sample";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { SelectGenerationSampleInput } from "../../inputs/generation-input";
import { inputOf } from "../shared";

export const selectGenerationSampleResolver: MutationResolvers["selectGenerationSample"] = async (_, args, ctx) => ({
  generationRequest: await selectGenerationSample(ctx.scope, inputOf(SelectGenerationSampleInput, args)),
});
