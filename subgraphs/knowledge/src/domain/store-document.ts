import { createHash } from "node:crypto";
import { publishStreamEvents, type StreamEventNotice } from "@atelier/live-events";
import { BadUserInputError } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { DOCUMENT_FIELDS, type DocumentRecord, findDocumentByChecksum } from "../data/documents";
import { enqueueIngestion } from "../data/enqueue-ingestion";
import { inTenant } from "../data/in-tenant";
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
  const result = await inTenant(services.db, actor.tenantId, async (tx) => {
    const existing = await findDocumentByChecksum(tx, actor.tenantId, input.workspaceId, checksum);
    if (existing) return { document: existing, created: false };
    const document = await tx.document.create({
      data: {
        tenantId: actor.tenantId,
        workspaceId: input.workspaceId,
        title: input.title,
        mimeType: input.mimeType,
        sourceUri: input.sourceUri,
        metadata: input.metadata as object,
        checksum,
        content: Buffer.from(input.content),
        sizeBytes: input.content.byteLength,
        embeddingModel: services.embedder.model,
        createdById: actor.userId,
      },
      select: DOCUMENT_FIELDS,
    });
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
