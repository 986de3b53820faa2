import { bytesToVector } from "../data/vector-bytes";
import type { KnowledgeServices } from "../services";

const PAGE = 5000;

/** Loads every READY document's vectors of the current model from Postgres into the store. */
export async function rebuildEmbeddedStore(services: KnowledgeServices): Promise<number> {
  const { db, store, collection, embedder } = services;
  const ready = new Map<string, string>();
  let after = "00000000-0000-0000-0000-000000000000";
  let loaded = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<
      { id: string; tenantId: string; documentId: string; workspaceId: string; vector: Uint8Array }[]
    >(
      `SELECT c.id::text AS id, c."tenantId"::text AS "tenantId", c."documentId"::text AS "documentId",
              c."workspaceId"::text AS "workspaceId", c.vector
         FROM knowledge."SemanticChunk" c
         JOIN knowledge."Document" d ON d.id = c."documentId" AND d.status = 'READY' AND d."embeddingModel" = $1
        WHERE c."embeddingModel" = $1 AND c.id > $2::uuid
        ORDER BY c.id LIMIT ${PAGE}`,
      embedder.model,
      after,
    );
    if (rows.length === 0) break;
    await store.upsert(
      collection,
      rows.map((r) => ({ ...r, vector: bytesToVector(r.vector) })),
    );
    for (const r of rows) ready.set(r.documentId, r.tenantId);
    loaded += rows.length;
    after = rows.at(-1)!.id;
  }
  for (const [documentId, tenantId] of ready) await store.markReady(collection, { tenantId, documentId });
  return loaded;
}
