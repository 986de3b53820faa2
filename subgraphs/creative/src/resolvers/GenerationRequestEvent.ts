import type { GenerationRequestEventResolvers } from "../generated/resolvers-types";
import { referenced } from "./shared";

export const GenerationRequestEvent: GenerationRequestEventResolvers = {
  generationRequest: async (e, _, ctx) => referenced(ctx.loaders.generationRequestById.load(e.generationRequestId)),
};
