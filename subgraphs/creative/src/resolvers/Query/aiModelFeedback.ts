import { z } from "zod";
import { inTenant, readerOf } from "../../domain/scope";
import { id } from "../../domain/validation";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const aiModelFeedbackResolver: QueryResolvers["aiModelFeedback"] = (_, args, ctx) => {
  const { generationRequestId } = z.object({ generationRequestId: id }).parse(args);
  const actor = readerOf(ctx.identity);
  return inTenant(ctx.services, actor.tenantId, (tx) =>
    tx.aiModelFeedback.findMany({
      where: { tenantId: actor.tenantId, generationRequestId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  );
};
