import { z } from "zod";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../../inputs/validation";
import { readerScope } from "../shared";

export const aiModelFeedbackResolver: QueryResolvers["aiModelFeedback"] = (_, args, ctx) => {
  const { generationRequestId } = z.object({ generationRequestId: id }).parse(args);
  const scope = readerScope(ctx);
  return scope.read(({ db: tx }) =>
    tx.aiModelFeedback.findMany({
      where: { tenantId: scope.tenantId, generationRequestId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  );
};
