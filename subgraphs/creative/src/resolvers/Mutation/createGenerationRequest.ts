import { createGenerationRequest } from "../../domain/create-generation-request";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { CreateGenerationRequestInput } from "../../inputs/generation-input";
import { inputOf } from "../shared";

export const createGenerationRequestResolver: MutationResolvers["createGenerationRequest"] = async (_, args, ctx) => ({
  generationRequest: await createGenerationRequest(ctx.scope, inputOf(CreateGenerationRequestInput, args)),
});
