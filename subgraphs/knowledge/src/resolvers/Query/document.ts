import { z } from "zod";
import { readerTenant } from "../../domain/authorize";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const documentResolver: QueryResolvers["document"] = (_parent, args, ctx) => {
  readerTenant(ctx.identity);
  return ctx.loaders.documentById.load(z.object({ id: z.uuid() }).parse(args).id);
};
