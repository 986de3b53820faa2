import { cancelGenerationRequest } from "../../domain/cancel-generation-request";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { CancelGenerationRequestInput } from "../../inputs/generation-input";
import { inputOf } from "../shared";

export const cancelGenerationRequestResolver: MutationResolvers["cancelGenerationRequest"] = async (_, args, ctx) => ({
  generationRequest: await cancelGenerationRequest(ctx.scope, inputOf(CancelGenerationRequestInput, args)),
});
