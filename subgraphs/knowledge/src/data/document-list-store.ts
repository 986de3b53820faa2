import type { ScopedTx } from "@atelier/db";
import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { Db } from "./db";
import { DOCUMENT_FIELDS } from "./document-store";

/** A search filter on document attributes. */
export interface DocumentFilter {
  workspaceId?: string | null;
  documentIds?: string[] | null;
  mimeTypes?: string[] | null;
  metadata?: Record<string, unknown> | null;
}

/** Lists of the transaction's tenant's documents (Prisma: keyset pages, JSON path filters). */
export function createDocumentListStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    /** A workspace's documents, newest first, ordered stably by (createdAt, id). */
    workspacePage: (workspaceId: string, args: PageArgs) =>
      prismaKeysetPage(db, { table: `knowledge."Document"`, direction: "desc", scope: { tenantId } }, args, (page) =>
        db.document.findMany({ where: { tenantId, workspaceId }, select: DOCUMENT_FIELDS, ...page }),
      ),

    /** Ids of the READY documents a search filter admits. */
    async readyIdsMatching(filter: DocumentFilter): Promise<string[]> {
      const docs = await db.document.findMany({
        where: {
          tenantId,
          status: "READY",
          ...(filter.workspaceId ? { workspaceId: filter.workspaceId } : {}),
          ...(filter.documentIds ? { id: { in: filter.documentIds } } : {}),
          ...(filter.mimeTypes ? { mimeType: { in: filter.mimeTypes } } : {}),
          ...(filter.metadata
            ? {
                AND: Object.entries(filter.metadata).map(([key, value]) => ({
                  metadata: { path: [key], equals: value as never },
                })),
              }
            : {}),
        },
        select: { id: true },
      });
      return docs.map((d) => d.id);
    },
  };
}
