import { crossTenant } from "@atelier/db";
import { chunkTerms } from "../lexical/bm25";
import type { KnowledgeServices } from "../services";
import { bytesToVector } from "../vector-store/vector-bytes";

const PAGE = 5000;

/**
 * Loads every READY document's vectors and words of the current model from Postgres into the
 * store. The READY documents first (few), then every chunk by primary-key order alone: a plan
 * that needs no statistics (the join it replaced was planned, without them, as a scan of the
 * chunk index per document per page: minutes at 100,000 chunks).
 */
export async function rebuildEmbeddedStore(services: KnowledgeServices): Promise<number> {
  const { sql, store, collection, embedder } = services;
  const { rows: documents } = await crossTenant("store-maintenance", () =>
    sql.query<{ id: string; tenantId: string; title: string }>(
      `SELECT id::text AS id, "tenantId"::text AS "tenantId", title FROM knowledge."Document"
        WHERE status = 'READY' AND "embeddingModel" = $1`,
      [embedder.model],
    ),
  );
  const ready = new Map(documents.map((d) => [d.id, d]));
  let after = "00000000-0000-0000-0000-000000000000";
  let loaded = 0;
  for (;;) {
    // Plain pg, vectors as base64: through Prisma each bytea became an array of numbers.
    const { rows } = await crossTenant("store-maintenance", () =>
      sql.query<{
        id: string;
        tenantId: string;
        documentId: string;
        workspaceId: string;
        model: string;
        vector: string;
        text: string;
      }>(
        `SELECT c.id::text AS id, c."tenantId"::text AS "tenantId", c."documentId"::text AS "documentId",
              c."workspaceId"::text AS "workspaceId", c."embeddingModel" AS model,
              encode(c.vector, 'base64') AS vector, c.text
         FROM knowledge."SemanticChunk" c
        WHERE c.id > $1::uuid
        ORDER BY c.id LIMIT ${PAGE}`,
        [after],
      ),
    );
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const points = rows.filter((r) => r.model === embedder.model && ready.has(r.documentId));
    await store.upsert(
      collection,
      points.map(({ text, model: _, vector, ...r }) => ({
        ...r,
        vector: bytesToVector(Buffer.from(vector, "base64")),
        terms: chunkTerms(ready.get(r.documentId)!.title, text),
      })),
    );
    loaded += points.length;
  }
  for (const { id, tenantId } of ready.values()) await store.markReady(collection, { tenantId, documentId: id });
  return loaded;
}
