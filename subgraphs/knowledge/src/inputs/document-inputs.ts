import { z } from "zod";
import { SearchMode } from "../generated/resolvers-types";
import { SUPPORTED_MIME_TYPES } from "../parsing/supported-types";

const metadata = z
  .record(z.string().max(100), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 10_000, "must serialise to at most 10,000 characters");

export const createDocumentInput = z
  .object({
    workspaceId: z.uuid(),
    title: z.string().trim().min(1).max(300),
    mimeType: z.enum(SUPPORTED_MIME_TYPES),
    text: z.string().min(1).max(20_000_000).nullish(),
    contentBase64: z.base64().min(1).nullish(),
    metadata: metadata.nullish(),
  })
  .refine((v) => Boolean(v.text) !== Boolean(v.contentBase64), {
    message: "give exactly one of text or contentBase64",
    path: ["text"],
  });

export const createDocumentFromUriInput = z.object({
  workspaceId: z.uuid(),
  uri: z.preprocess((v) => (v instanceof URL ? v.href : v), z.url().max(2000)),
  title: z.string().trim().min(1).max(300).nullish(),
  metadata: metadata.nullish(),
});

export const createDocumentFromAssetInput = z.object({
  assetId: z.uuid(),
  title: z.string().trim().min(1).max(300).nullish(),
  metadata: metadata.nullish(),
});

export const documentIdInput = z.object({ documentId: z.uuid() });

export const MAX_SEARCH_LIMIT = 100;

export const semanticSearchInput = z.object({
  query: z.string().trim().min(1).max(5000),
  mode: z.enum(SearchMode).default("HYBRID"),
  limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).default(10),
  after: z.string().max(100).nullish(),
  filter: z
    .object({
      workspaceId: z.uuid().nullish(),
      documentIds: z.array(z.uuid()).max(1000).nullish(),
      mimeTypes: z.array(z.enum(SUPPORTED_MIME_TYPES)).max(10).nullish(),
      metadata: metadata.nullish(),
    })
    .nullish(),
});

export type SemanticSearchInput = z.infer<typeof semanticSearchInput>;
