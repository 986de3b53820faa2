import { bytesToVector } from "../data/vector-bytes";
import { chunkTerms } from "../lexical/bm25";
import type { KnowledgeServices } from "../services";

const PAGE = 5000;

/** Loads every READY document's vectors and words of the current model from Postgres into the store. */
export async function rebuildEmbeddedStore(services: KnowledgeServices): Promise<number> {
  const { sql, store, collection, embedder } = services;
  const ready = new Map<string, string>();
  let after = "00000000-0000-0000-0000-000000000000";
  let loaded = 0;
  for (;;) {
    // Plain pg, vectors as base64: through Prisma each bytea became an array of numbers.
    const { rows } = await sql.query<{
      id: string;
      tenantId: string;
      documentId: string;
      workspaceId: string;
      vector: string;
      text: string;
      title: string;
    }>(
      `SELECT c.id::text AS id, c."tenantId"::text AS "tenantId", c."documentId"::text AS "documentId",
              c."workspaceId"::text AS "workspaceId", encode(c.vector, 'base64') AS vector,
              c.text, d.title
         FROM knowledge."SemanticChunk" c
         JOIN knowledge."Document" d ON d.id = c."documentId" AND d.status = 'READY' AND d."embeddingModel" = $1
        WHERE c."embeddingModel" = $1 AND c.id > $2::uuid
        ORDER BY c.id LIMIT ${PAGE}`,
      [embedder.model, after],
    );
    if (rows.length === 0) break;
    await store.upsert(
      collection,
      rows.map(({ text, title, ...r }) => ({
        ...r,
        vector: bytesToVector(Buffer.from(r.vector, "base64")),
        terms: chunkTerms(title, text),
      })),
    );
    for (const r of rows) ready.set(r.documentId, r.tenantId);
    loaded += rows.length;
    after = rows.at(-1)!.id;
  }
  for (const [documentId, tenantId] of ready) await store.markReady(collection, { tenantId, documentId });
  return loaded;
}
