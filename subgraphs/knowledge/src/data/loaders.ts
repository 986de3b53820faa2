import DataLoader from "dataloader";
import type { Db } from "./db";
import { type DocumentRecord, findDocumentsByIds } from "./documents";

/** Per-request batching of document references, scoped to the caller's tenant. */
export function createLoaders(db: Db, tenantId: string | null) {
  return {
    documentById: new DataLoader<string, DocumentRecord | null>(async (ids) => {
      if (!tenantId) return ids.map(() => null);
      const rows = await findDocumentsByIds(db, tenantId, [...ids]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
