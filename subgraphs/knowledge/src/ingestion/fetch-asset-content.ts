import { createHash } from "node:crypto";
import { GatewayRequestError } from "@atelier/gateway-client";
import { readAsset } from "../assets/asset-reader";
import { fetchAssetBytes } from "../assets/fetch-asset-bytes";
import { createDocumentContentStore } from "../data/document-content-store";
import type { DocumentRecord } from "../data/document-store";
import type { IngestJob, KnowledgeServices } from "../services";
import { transition } from "./document-transition";
import { IngestionError } from "./ingestion-failure";

/** A fresh signed URL of the document's asset version, read through the gateway as who handed it over. */
async function resolveDownloadUrl(s: KnowledgeServices, job: IngestJob, doc: DocumentRecord): Promise<string> {
  if (!s.gateway) throw new IngestionError("knowledge has no gateway credentials (DELEGATION_PRIVATE_KEY)", true);
  if (!job.actor) throw new IngestionError("the ingestion job names no one to read the asset as", false);
  let asset: Awaited<ReturnType<typeof readAsset>>;
  try {
    asset = await readAsset(s.gateway, job.actor, doc.sourceAssetId!);
  } catch (error) {
    if (!(error instanceof GatewayRequestError)) throw error;
    throw new IngestionError(
      `could not read the asset through the gateway (${error.code}: ${error.message})`,
      error.retryable,
    );
  }
  const version = asset?.versions.find((v) => v.id === doc.sourceAssetVersionId);
  if (!asset) throw new IngestionError("the asset is gone, or no longer visible to whoever handed it over", false);
  if (!version?.downloadUrl) throw new IngestionError("the asset version handed over is no longer downloadable", false);
  return version.downloadUrl;
}

/** The asset's bytes: the URL resolved when the document was created while valid, else a fresh one. */
async function downloadAsset(s: KnowledgeServices, job: IngestJob, doc: DocumentRecord): Promise<Buffer> {
  const limits = {
    maxBytes: s.config.maxDocumentBytes,
    timeoutMs: s.config.assetFetchTimeoutMs,
    allowedHosts: s.config.assetFetchAllowedHosts,
  };
  let stored = job.download && Date.parse(job.download.expiresAt) > Date.now() ? job.download.url : null;
  for (;;) {
    const result = await fetchAssetBytes(stored ?? (await resolveDownloadUrl(s, job, doc)), limits);
    if (result.kind === "ok") return result.bytes;
    if (!stored) throw new IngestionError(`asset storage refused the download (HTTP ${result.status})`, false);
    stored = null; // expired or revoked since: resolve a fresh URL once
  }
}

/**
 * The content of an ASSET document, fetched once by its first job and kept (re-indexing does
 * not fetch again). The same content already in the workspace as another document ends this
 * one FAILED, as creating it from that content would have returned the other.
 */
export async function fetchAssetContent(s: KnowledgeServices, job: IngestJob, doc: DocumentRecord): Promise<Buffer> {
  const bytes = await downloadAsset(s, job, doc);
  const checksum = createHash("sha256").update(bytes).digest("hex");
  await transition(s, job, {
    from: ["PROCESSING"],
    type: null,
    apply: async (tx) => {
      const content = createDocumentContentStore(tx);
      const twin = await content.sameContentIn(doc, checksum);
      if (twin) {
        throw new IngestionError(
          `the same content is already document ${twin.id} ("${twin.title}") of this workspace`,
          false,
        );
      }
      await content.keep(doc.id, bytes, checksum);
      return null;
    },
  });
  return bytes;
}
