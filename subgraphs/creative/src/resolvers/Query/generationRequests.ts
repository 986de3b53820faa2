import { z } from "zod";
import { listGenerationRequests } from "../../data/lists";
import { id } from "../../domain/validation";
import { GenerationStatus, type QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs, readerScope } from "../shared";

const Status = z.enum(GenerationStatus);

export const generationRequestsResolver: QueryResolvers["generationRequests"] = (_, args, ctx) =>
  listGenerationRequests(readerScope(ctx), PageArgs.extend({ workspaceId: id, status: Status.nullish() }).parse(args));
