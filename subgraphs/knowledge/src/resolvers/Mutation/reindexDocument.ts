import { reindexDocument as reindex } from "../../domain/reindex-document";
import type { MutationResolvers } from "../../generated/resolvers-types";

export const reindexDocumentResolver: MutationResolvers["reindexDocument"] = (_parent, args, ctx) =>
  reindex(ctx.scope(), args.input);
