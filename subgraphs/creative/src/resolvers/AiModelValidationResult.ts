import type { AiModelValidationResultResolvers } from "../generated/resolvers-types";
import { userRef } from "./shared";

export const AiModelValidationResult: AiModelValidationResultResolvers = {
  validatedBy: (r) => userRef(r.validatedById),
};
