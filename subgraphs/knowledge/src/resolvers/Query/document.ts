import { requireReader } from "@atelier/subgraph-kit";
import { z } from "zod";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const documentResolver: QueryResolvers["document"] = (_parent, args, ctx) => {
  requireReader(ctx.scope().actor, "knowledge");
  return ctx.loaders.documentById.load(z.object({ id: z.uuid() }).parse(args).id);
};
