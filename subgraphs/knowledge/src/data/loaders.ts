import { oneRoundTripReads } from "@atelier/db";
import DataLoader from "dataloader";
import type pg from "pg";
import type { KnowledgeScope } from "../scope";
import { createDocumentStore, type DocumentRecord } from "./document-store";

/**
 * Per-request batching of document references, read in the caller's tenant scope (each batch one
 * read-only tenant transaction in one round trip); without a scope (no tenant) nothing is read.
 */
export function createLoaders(sql: pg.Pool, scopeOf: () => KnowledgeScope | null) {
  const reader = () => scopeOf()?.using(oneRoundTripReads(sql)) ?? null;
  return {
    documentById: new DataLoader<string, DocumentRecord | null>(async (ids) => {
      const scope = reader();
      if (!scope) return ids.map(() => null);
      const rows = await scope.read((tx) => createDocumentStore(tx).findMany([...ids]));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** `Asset.knowledgeDocuments`: one query for every asset of a response. */
    documentsByAssetId: new DataLoader<string, DocumentRecord[]>(async (assetIds) => {
      const scope = reader();
      if (!scope) return assetIds.map(() => []);
      const rows = await scope.read((tx) => createDocumentStore(tx).findByAssetIds([...assetIds]));
      return assetIds.map((id) => rows.filter((row) => row.sourceAssetId === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
