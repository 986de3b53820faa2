import { z } from "zod";
import { createGenerationRequestStore } from "../../data/generation-request-store";
import { GenerationStatus, type QueryResolvers } from "../../generated/resolvers-types";
import { id } from "../../inputs/validation";
import { PageArgs, readerScope } from "../shared";

const Status = z.enum(GenerationStatus);

const RequestArgs = PageArgs.extend({ workspaceId: id, status: Status.nullish() });

export const generationRequestsResolver: QueryResolvers["generationRequests"] = (_, args, ctx) => {
  const scope = readerScope(ctx);
  const parsed = RequestArgs.parse(args);
  return scope.read((tx) => createGenerationRequestStore(tx).list(parsed));
};
