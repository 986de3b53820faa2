import type { AiModelVersionResolvers } from "../generated/resolvers-types";
import { referenced } from "./shared";

export const AiModelVersion: AiModelVersionResolvers = {
  model: (v, _, ctx) => referenced(ctx.loaders.aiModelById.load(v.modelId)),
  parameters: (v) => v.parameters ?? {},
  validations: (v, _, ctx) => ctx.loaders.validationsByVersionId.load(v.id),
  deployments: (v, _, ctx) => ctx.loaders.deploymentsByVersionId.load(v.id),
};
