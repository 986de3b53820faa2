import type { DocumentStatusEventResolvers } from "../generated/resolvers-types";

export const DocumentStatusEvent: DocumentStatusEventResolvers = {
  document: (event, _args, ctx) => ctx.loaders.documentById.load(event.documentId),
};
