import { createHash } from "node:crypto";
import { publishStreamEvents, type StreamEventNotice } from "@atelier/live-events";
import { BadUserInputError } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { insertDocument, selectDocumentByChecksum } from "../data/document-rows";
import type { DocumentRecord } from "../data/documents";
import { enqueueIngestion } from "../data/enqueue-ingestion";
import { inTenantSql } from "../data/sql-tx";
import { appendDocumentEvent } from "../data/status-events";
import type { SupportedMimeType } from "../parsing/supported-types";
import type { Actor } from "./authorize";
import { auditDocument } from "./record-audit";

export interface NewDocument {
  workspaceId: string;
  title: string;
  mimeType: SupportedMimeType;
  content: Uint8Array;
  sourceUri: string | null;
  metadata: Record<string, unknown>;
}

/**
 * Stores a document and enqueues its ingestion in one transaction. The same content in the
 * same workspace is stored once: the existing document is returned instead.
 */
export async function storeDocument(
  ctx: Context,
  actor: Actor,
  input: NewDocument,
): Promise<{ document: DocumentRecord; created: boolean }> {
  const { services } = ctx;
  if (input.content.byteLength > services.config.maxDocumentBytes) {
    throw new BadUserInputError(`content: larger than ${services.config.maxDocumentBytes} bytes`);
  }
  const checksum = createHash("sha256").update(input.content).digest("hex");
  const notices: StreamEventNotice[] = [];
  const result = await inTenantSql(services.sql, actor.tenantId, async (tx) => {
    const existing = await selectDocumentByChecksum(tx, actor.tenantId, input.workspaceId, checksum);
    if (existing) return { document: existing, created: false };
    const document = await insertDocument(tx, {
      ...input,
      tenantId: actor.tenantId,
      checksum,
      embeddingModel: services.embedder.model,
      createdById: actor.userId,
    });
    if (!document) {
      const winner = await selectDocumentByChecksum(tx, actor.tenantId, input.workspaceId, checksum);
      return { document: winner!, created: false };
    }
    await auditDocument(tx, actor, ctx.requestId, "document.create", document.id, {
      title: document.title,
      mimeType: document.mimeType,
      workspaceId: document.workspaceId,
      checksum,
    });
    const created = await appendDocumentEvent(tx, document, "CREATED");
    notices.push(created);
    await enqueueIngestion(tx, services, {
      tenantId: actor.tenantId,
      documentId: document.id,
      requestSequence: created.sequence,
    });
    return { document, created: true };
  });
  await publishStreamEvents(services.bus, notices).catch((error) =>
    ctx.log.warn({ err: error }, "status publish failed"),
  );
  return result;
}
