import type { ScopedTx, SqlTx } from "@atelier/db";
import type { DocumentRecord } from "./document-store";

// A document's bytes never pass through Prisma: its driver adapter turns bytea into arrays of
// numbers, which for megabytes of content cost more CPU than parsing, chunking and embedding
// them. They are written as a binary parameter and read back as base64 (a third of hex's size).

/** The content bytes of the transaction's tenant's documents. */
export function createDocumentContentStore(tx: ScopedTx<SqlTx>) {
  const { db, tenantId } = tx;
  return {
    /** A document's content, or null when there is no such document. */
    async read(id: string): Promise<Buffer | null> {
      const rows = await db.$queryRawUnsafe<{ content: string }[]>(
        `SELECT encode(content, 'base64') AS content FROM knowledge."Document" WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
        id,
        tenantId,
      );
      return rows[0] ? Buffer.from(rows[0].content, "base64") : null;
    },

    /** Keeps the bytes an ASSET document's job fetched, with their checksum and size. */
    async keep(id: string, bytes: Buffer, checksum: string): Promise<void> {
      await db.$executeRawUnsafe(
        `UPDATE knowledge."Document" SET content = $3::bytea, checksum = $4, "sizeBytes" = $5, "updatedAt" = now()
          WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
        id,
        tenantId,
        bytes,
        checksum,
        bytes.byteLength,
      );
    },

    /** Another document of the same workspace with this content, if there is one. */
    async sameContentIn(
      doc: Pick<DocumentRecord, "id" | "workspaceId">,
      checksum: string,
    ): Promise<{ id: string; title: string } | null> {
      const rows = await db.$queryRawUnsafe<{ id: string; title: string }[]>(
        `SELECT id::text, title FROM knowledge."Document"
          WHERE "tenantId" = $1::uuid AND "workspaceId" = $2::uuid AND checksum = $3 AND id <> $4::uuid`,
        tenantId,
        doc.workspaceId,
        checksum,
        doc.id,
      );
      return rows[0] ?? null;
    },
  };
}
