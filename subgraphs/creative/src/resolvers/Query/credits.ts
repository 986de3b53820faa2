import { readerOf } from "../../domain/scope";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const creditsResolver: QueryResolvers["credits"] = (_, __, ctx) => ({
  tenantId: readerOf(ctx.identity).tenantId,
});
