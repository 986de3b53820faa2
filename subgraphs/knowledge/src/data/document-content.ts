import type { SqlTx } from "./sql-tx";

// A document's bytes never pass through Prisma: its driver adapter turns bytea into arrays of
// numbers, which for megabytes of content cost more CPU than parsing, chunking and embedding
// them. They are written as a binary parameter and read back as base64 (a third of hex's size).

/** A document's content, or null when there is no such document. */
export async function readDocumentContent(tx: SqlTx, tenantId: string, id: string): Promise<Buffer | null> {
  const rows = await tx.$queryRawUnsafe<{ content: string }[]>(
    `SELECT encode(content, 'base64') AS content FROM knowledge."Document" WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
    id,
    tenantId,
  );
  return rows[0] ? Buffer.from(rows[0].content, "base64") : null;
}
