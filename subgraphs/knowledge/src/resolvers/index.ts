import { scalarResolvers } from "@atelier/subgraph-kit";
import type { Resolvers } from "../generated/resolvers-types";
import { Asset } from "./Asset";
import { Document } from "./Document";
import { DocumentStatusEvent } from "./DocumentStatusEvent";
import { createDocument } from "./Mutation/createDocument";
import { createDocumentFromAsset } from "./Mutation/createDocumentFromAsset";
import { createDocumentFromUri } from "./Mutation/createDocumentFromUri";
import { deleteDocument } from "./Mutation/deleteDocument";
import { reindexDocument } from "./Mutation/reindexDocument";
import { document } from "./Query/document";
import { documentStatusEvents } from "./Query/documentStatusEvents";
import { semanticSearch } from "./Query/semanticSearch";
import { SearchResult } from "./SearchResult";
import { Workspace } from "./Workspace";

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  JSON: scalarResolvers.JSON,
  URL: scalarResolvers.URL,
  Query: { document, documentStatusEvents, semanticSearch },
  Mutation: { createDocument, createDocumentFromUri, createDocumentFromAsset, reindexDocument, deleteDocument },
  Asset,
  Document,
  DocumentStatusEvent,
  SearchResult,
  Workspace,
};
