import type { PersistedOperationVersionResolvers } from "../generated/resolvers-types";

export const PersistedOperationVersion: PersistedOperationVersionResolvers = {
  app: async (version, _, ctx) => (await ctx.loaders.persistedOperationAppById.load(version.appId))!,
  operations: (version, _, ctx) => ctx.loaders.persistedOperationsByVersionId.load(version.id),
};
