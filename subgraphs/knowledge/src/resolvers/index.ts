import { scalarResolvers } from "@atelier/subgraph-kit";
import type { Resolvers } from "../generated/resolvers-types";
import { Asset } from "./Asset";
import { Document } from "./Document";
import { DocumentStatusEvent } from "./DocumentStatusEvent";
import { createDocumentResolver } from "./Mutation/createDocument";
import { createDocumentFromAssetResolver } from "./Mutation/createDocumentFromAsset";
import { createDocumentFromUriResolver } from "./Mutation/createDocumentFromUri";
import { deleteDocumentResolver } from "./Mutation/deleteDocument";
import { reindexDocumentResolver } from "./Mutation/reindexDocument";
import { documentResolver } from "./Query/document";
import { documentStatusEventsResolver } from "./Query/documentStatusEvents";
import { semanticSearchResolver } from "./Query/semanticSearch";
import { SearchResult } from "./SearchResult";
import { Workspace } from "./Workspace";

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  JSON: scalarResolvers.JSON,
  URL: scalarResolvers.URL,
  Query: {
    document: documentResolver,
    documentStatusEvents: documentStatusEventsResolver,
    semanticSearch: semanticSearchResolver,
  },
  Mutation: {
    createDocument: createDocumentResolver,
    createDocumentFromAsset: createDocumentFromAssetResolver,
    createDocumentFromUri: createDocumentFromUriResolver,
    deleteDocument: deleteDocumentResolver,
    reindexDocument: reindexDocumentResolver,
  },
  Asset,
  Document,
  DocumentStatusEvent,
  SearchResult,
  Workspace,
};
