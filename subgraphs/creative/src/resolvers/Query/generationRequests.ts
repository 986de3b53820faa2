import { z } from "zod";
import { listGenerationRequests } from "../../data/lists";
import { readerOf } from "../../domain/scope";
import { id } from "../../domain/validation";
import { GenerationStatus, type QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs } from "../shared";

const Status = z.enum(GenerationStatus);

export const generationRequestsResolver: QueryResolvers["generationRequests"] = (_, args, ctx) =>
  listGenerationRequests(
    ctx.services,
    readerOf(ctx.identity),
    PageArgs.extend({ workspaceId: id, status: Status.nullish() }).parse(args),
  );
