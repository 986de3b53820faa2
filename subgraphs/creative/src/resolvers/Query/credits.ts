import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../shared";

export const creditsResolver: QueryResolvers["credits"] = (_, __, ctx) => ({
  tenantId: readerScope(ctx).tenantId,
});
