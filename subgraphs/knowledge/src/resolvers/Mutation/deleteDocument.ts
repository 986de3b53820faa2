import { deleteDocument as remove } from "../../domain/delete-document";
import type { MutationResolvers } from "../../generated/resolvers-types";

export const deleteDocumentResolver: MutationResolvers["deleteDocument"] = (_parent, args, ctx) =>
  remove(ctx.scope(), args.input);
