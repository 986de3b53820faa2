import { createDocumentFromAsset as create } from "../../domain/create-document-from-asset";
import type { MutationResolvers } from "../../generated/resolvers-types";

export const createDocumentFromAssetResolver: MutationResolvers["createDocumentFromAsset"] = (_parent, args, ctx) =>
  create(ctx.scope(), args.input);
