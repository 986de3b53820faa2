import { createHash } from "node:crypto";

/**
 * A chunk's id derives from its document, model and position, so a retried ingestion writes
 * the same ids again (idempotent upserts in Postgres and in the vector store).
 */
export function chunkId(documentId: string, model: string, index: number): string {
  const hex = createHash("sha256").update(`${documentId}:${model}:${index}`).digest("hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
