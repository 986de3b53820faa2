import type { AiModelResolvers } from "../generated/resolvers-types";

export const AiModel: AiModelResolvers = {
  isSystem: (m) => m.tenantId === null,
  versions: (m, _, ctx) => ctx.loaders.versionsByModelId.load(m.id),
  productionVersion: async (m, _, ctx) =>
    (await ctx.loaders.versionsByModelId.load(m.id)).find((v) => v.status === "PRODUCTION") ?? null,
};
