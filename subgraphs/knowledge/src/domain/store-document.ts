import { createHash } from "node:crypto";
import { type SqlTx, withTenantSql } from "@atelier/db";
import { publishStreamEvents, type StreamEventNotice } from "@atelier/live-events";
import { BadUserInputError } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import {
  type DocumentRow,
  insertDocument,
  selectDocumentByAssetVersion,
  selectDocumentByChecksum,
} from "../data/document-rows";
import type { DocumentRecord } from "../data/documents";
import { enqueueIngestion } from "../data/enqueue-ingestion";
import { appendDocumentEvent } from "../data/status-events";
import type { SupportedMimeType } from "../parsing/supported-types";
import type { IngestJob } from "../services";
import type { Actor } from "./authorize";
import { auditDocument } from "./record-audit";

export interface NewDocument {
  workspaceId: string;
  title: string;
  mimeType: SupportedMimeType;
  metadata: Record<string, unknown>;
  source: DocumentRow["source"];
  /** The content, for INLINE and URI documents; an ASSET document's job fetches it. */
  content: Uint8Array | null;
}

/** What the ingestion job of an ASSET document needs beyond the document: who to read it as, and where. */
export type AssetJobFields = Pick<IngestJob, "actor" | "download">;

/** The same content (or asset version) already in the workspace, which creating again returns. */
function existingTwin(tx: SqlTx, tenantId: string, input: NewDocument, checksum: string | null) {
  return input.source.kind === "ASSET"
    ? selectDocumentByAssetVersion(tx, tenantId, input.source.versionId)
    : selectDocumentByChecksum(tx, tenantId, input.workspaceId, checksum!);
}

/**
 * Stores a document and enqueues its ingestion in one transaction. The same content in the
 * same workspace (or the same asset version) is stored once: the existing document is
 * returned instead.
 */
export async function storeDocument(
  ctx: Context,
  actor: Actor,
  input: NewDocument,
  jobFields: AssetJobFields = {},
): Promise<{ document: DocumentRecord; created: boolean }> {
  const { services } = ctx;
  const size = input.source.kind === "ASSET" ? input.source.sizeBytes : (input.content?.byteLength ?? 0);
  if (size > services.config.maxDocumentBytes) {
    throw new BadUserInputError(`content: larger than ${services.config.maxDocumentBytes} bytes`);
  }
  const checksum = input.content ? createHash("sha256").update(input.content).digest("hex") : null;
  const notices: StreamEventNotice[] = [];
  const result = await withTenantSql(services.sql, actor.tenantId, async (tx) => {
    const existing = await existingTwin(tx, actor.tenantId, input, checksum);
    if (existing) return { document: existing, created: false };
    const document = await insertDocument(tx, {
      ...input,
      tenantId: actor.tenantId,
      checksum,
      embeddingModel: services.embedder.model,
      createdById: actor.userId,
    });
    if (!document) return { document: (await existingTwin(tx, actor.tenantId, input, checksum))!, created: false };
    const { source } = input;
    await auditDocument(tx, actor, ctx.requestId, "document.create", document.id, {
      title: document.title,
      mimeType: document.mimeType,
      workspaceId: document.workspaceId,
      source: source.kind,
      ...(checksum ? { checksum } : {}),
      ...(source.kind === "ASSET" ? { assetId: source.assetId, assetVersionId: source.versionId } : {}),
    });
    const created = await appendDocumentEvent(tx, document, "CREATED");
    notices.push(created);
    await enqueueIngestion(tx, services, {
      tenantId: actor.tenantId,
      documentId: document.id,
      requestSequence: created.sequence,
      ...jobFields,
    });
    return { document, created: true };
  });
  await publishStreamEvents(services.bus, notices).catch((error) =>
    ctx.log.warn({ err: error }, "status publish failed"),
  );
  return result;
}
