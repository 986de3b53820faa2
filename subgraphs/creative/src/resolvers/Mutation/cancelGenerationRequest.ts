import { cancelGenerationRequest } from "../../domain/cancel-generation-request";
import { CancelGenerationRequestInput } from "../../domain/generation-input";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const cancelGenerationRequestResolver: MutationResolvers["cancelGenerationRequest"] = async (_, args, ctx) => ({
  generationRequest: await cancelGenerationRequest(ctx.scope, inputOf(CancelGenerationRequestInput, args)),
});
