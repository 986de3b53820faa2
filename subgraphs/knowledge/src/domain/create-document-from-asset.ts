import { GatewayRequestError } from "@atelier/gateway-client";
import {
  type Actor,
  BadUserInputError,
  DomainError,
  delegatedActorOf,
  ForbiddenError,
  NotFoundError,
  requireWriter,
} from "@atelier/subgraph-kit";
import { type AssetInfo, downloadExpiry, readAsset } from "../assets/asset-reader";
import { createDocumentFromAssetInput } from "../inputs/document-inputs";
import { SUPPORTED_MIME_TYPES, supportedMimeType } from "../parsing/supported-types";
import type { RequestScope } from "../scope";
import { storeDocument } from "./store-document";

/** Reads the asset through the gateway as the caller; failures become errors the caller can act on. */
async function assetSeenBy(scope: RequestScope, actor: Actor, assetId: string): Promise<AssetInfo> {
  const { gateway } = scope.services;
  if (!gateway) {
    throw new DomainError("SERVICE_UNAVAILABLE", "Knowledge cannot read creative assets here: no gateway credentials.");
  }
  let asset: AssetInfo | null;
  try {
    asset = await readAsset(gateway, delegatedActorOf(actor), assetId);
  } catch (error) {
    if (!(error instanceof GatewayRequestError)) throw error;
    if (error.code === "FORBIDDEN") throw new ForbiddenError(`You may not read asset ${assetId}: ${error.message}`);
    scope.log.warn({ err: error, assetId }, "reading an asset through the gateway failed");
    throw new DomainError(
      "SERVICE_UNAVAILABLE",
      `Creative could not be asked for the asset (${error.code}); try again.`,
      {
        retryable: error.retryable,
      },
    );
  }
  if (!asset) throw new NotFoundError(`Asset ${assetId} not found.`);
  return asset;
}

/**
 * Creates a document from a creative Asset's newest uploaded version, read through the gateway
 * as the caller (so their tenant, role and the asset's access level apply). The bytes are
 * fetched by the ingestion job; the same version handed over again returns its document.
 */
export async function createDocumentFromAsset(scope: RequestScope, rawInput: unknown) {
  requireWriter(scope.actor, "knowledge");
  const actor = scope.actor;
  const input = createDocumentFromAssetInput.parse(rawInput);
  const asset = await assetSeenBy(scope, actor, input.assetId);
  const version = asset.latestVersion;
  if (!version?.downloadUrl) throw new BadUserInputError("assetId: the asset has no uploaded version yet");
  const mimeType = supportedMimeType(version.mimeType);
  if (!mimeType) {
    throw new BadUserInputError(
      `assetId: ${version.mimeType} cannot be ingested; documents are ${SUPPORTED_MIME_TYPES.join(", ")}`,
    );
  }
  return storeDocument(
    scope,
    {
      workspaceId: asset.workspace.id,
      title: input.title ?? asset.name,
      mimeType,
      metadata: input.metadata ?? {},
      source: { kind: "ASSET", assetId: asset.id, versionId: version.id, sizeBytes: version.sizeBytes },
      content: null,
    },
    { actor: delegatedActorOf(actor), download: { url: version.downloadUrl, expiresAt: downloadExpiry() } },
  );
}
