import { createDocument as create } from "../../domain/create-document";
import type { MutationResolvers } from "../../generated/resolvers-types";

export const createDocumentResolver: MutationResolvers["createDocument"] = (_parent, args, ctx) =>
  create(ctx.scope(), args.input);
