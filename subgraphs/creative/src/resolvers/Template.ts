import type { TemplateResolvers } from "../generated/resolvers-types";

export const Template: TemplateResolvers = {
  isSystem: (t) => t.tenantId === null,
};
