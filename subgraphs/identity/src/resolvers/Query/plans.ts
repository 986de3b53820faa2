import type { QueryResolvers } from "../../generated/resolvers-types";

export const plansResolver: QueryResolvers["plans"] = (_, __, ctx) =>
  ctx.services.db.plan.findMany({ where: { active: true }, orderBy: [{ monthlyPriceCents: "asc" }, { code: "asc" }] });
