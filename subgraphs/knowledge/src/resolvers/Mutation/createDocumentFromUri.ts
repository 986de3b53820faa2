import { createDocumentFromUri as create } from "../../domain/create-document-from-uri";
import type { MutationResolvers } from "../../generated/resolvers-types";

export const createDocumentFromUriResolver: MutationResolvers["createDocumentFromUri"] = (_parent, args, ctx) =>
  create(ctx.scope(), args.input);
