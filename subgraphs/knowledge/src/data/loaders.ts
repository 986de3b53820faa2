import DataLoader from "dataloader";
import type { Db } from "./db";
import { type DocumentRecord, findDocumentsByAssetIds, findDocumentsByIds } from "./documents";

/** Per-request batching of document references, scoped to the caller's tenant. */
export function createLoaders(db: Db, tenantId: string | null) {
  return {
    documentById: new DataLoader<string, DocumentRecord | null>(async (ids) => {
      if (!tenantId) return ids.map(() => null);
      const rows = await findDocumentsByIds(db, tenantId, [...ids]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** `Asset.knowledgeDocuments`: one query for every asset of a response. */
    documentsByAssetId: new DataLoader<string, DocumentRecord[]>(async (assetIds) => {
      if (!tenantId) return assetIds.map(() => []);
      const rows = await findDocumentsByAssetIds(db, tenantId, [...assetIds]);
      return assetIds.map((id) => rows.filter((row) => row.sourceAssetId === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
