import { createHash } from "node:crypto";
import { sqlTransactions } from "@atelier/db";
import { BadUserInputError } from "@atelier/subgraph-kit";
import { createDocumentStore, type DocumentRecord, type NewDocumentRow } from "../data/document-store";
import { createIngestionJobStore } from "../data/ingestion-job-store";
import { createStatusEventStore } from "../data/status-event-store";
import type { SupportedMimeType } from "../parsing/supported-types";
import type { RequestScope } from "../scope";
import type { IngestJob } from "../services";

export interface NewDocument {
  workspaceId: string;
  title: string;
  mimeType: SupportedMimeType;
  metadata: Record<string, unknown>;
  source: NewDocumentRow["source"];
  /** The content, for INLINE and URI documents; an ASSET document's job fetches it. */
  content: Uint8Array | null;
}

/** What the ingestion job of an ASSET document needs beyond the document: who to read it as, and where. */
export type AssetJobFields = Pick<IngestJob, "actor" | "download">;

/** The same content (or asset version) already in the workspace, which creating again returns. */
function existingTwin(documents: ReturnType<typeof createDocumentStore>, input: NewDocument, checksum: string | null) {
  return input.source.kind === "ASSET"
    ? documents.findByAssetVersion(input.source.versionId)
    : documents.findByChecksum(input.workspaceId, checksum!);
}

/**
 * Stores a document and enqueues its ingestion in one transaction. The same content in the
 * same workspace (or the same asset version) is stored once: the existing document is
 * returned instead.
 */
export async function storeDocument(
  scope: RequestScope,
  input: NewDocument,
  jobFields: AssetJobFields = {},
): Promise<{ document: DocumentRecord; created: boolean }> {
  const { services } = scope;
  const size = input.source.kind === "ASSET" ? input.source.sizeBytes : (input.content?.byteLength ?? 0);
  if (size > services.config.maxDocumentBytes) {
    throw new BadUserInputError(`content: larger than ${services.config.maxDocumentBytes} bytes`);
  }
  const checksum = input.content ? createHash("sha256").update(input.content).digest("hex") : null;
  // Plain SQL: the content travels as one binary parameter (see document-content.ts).
  return scope.using(sqlTransactions(services.sql)).write(async (tx) => {
    const documents = createDocumentStore(tx);
    const existing = await existingTwin(documents, input, checksum);
    if (existing) return { document: existing, created: false };
    const document = await documents.insert({
      ...input,
      checksum,
      embeddingModel: services.embedder.model,
      createdById: scope.actor.userId,
    });
    if (!document) return { document: (await existingTwin(documents, input, checksum))!, created: false };
    const { source } = input;
    tx.audit({
      action: "document.create",
      resourceType: "Document",
      resourceId: document.id,
      changes: {
        title: document.title,
        mimeType: document.mimeType,
        workspaceId: document.workspaceId,
        source: source.kind,
        ...(checksum ? { checksum } : {}),
        ...(source.kind === "ASSET" ? { assetId: source.assetId, assetVersionId: source.versionId } : {}),
      },
    });
    const created = await createStatusEventStore(tx).append(document, "CREATED");
    tx.publish(created);
    await createIngestionJobStore(tx, services).enqueue({
      documentId: document.id,
      requestSequence: created.sequence,
      ...jobFields,
    });
    return { document, created: true };
  });
}
