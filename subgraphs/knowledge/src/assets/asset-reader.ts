import type { GatewayClient } from "@atelier/gateway-client";
import type { DelegatedActor } from "@atelier/internal-auth";

/** A reference to creative's Asset entity (knowledge contributes `knowledgeDocuments`). */
export interface AssetRef {
  id: string;
}

/** How long a download URL resolved for ingestion stays valid (creative signs it). */
export const DOWNLOAD_TTL_SECONDS = 900;

export interface AssetVersionInfo {
  id: string;
  versionNumber: number;
  status: string;
  mimeType: string;
  sizeBytes: number;
  downloadUrl: string | null;
}

export interface AssetInfo {
  id: string;
  name: string;
  workspace: { id: string };
  latestVersion: AssetVersionInfo | null;
  versions: AssetVersionInfo[];
}

const VERSION = `id versionNumber status mimeType sizeBytes downloadUrl(expiresInSeconds: ${DOWNLOAD_TTL_SECONDS})`;
const READ_ASSET = `query KnowledgeReadsAsset($id: ID!) {
  asset(id: $id) { id name workspace { id } latestVersion { ${VERSION} } versions { ${VERSION} } }
}`;

/**
 * An asset as `actor` sees it, read from creative through the gateway (which applies the
 * actor's tenant, current role and the asset's access level); null when they cannot see it.
 * Throws the gateway client's `GatewayRequestError` when the call itself fails.
 */
export async function readAsset(gateway: GatewayClient, actor: DelegatedActor, assetId: string) {
  const data = await gateway.request<{ asset: AssetInfo | null }>({
    actor,
    fields: ["Query.asset"],
    query: READ_ASSET,
    variables: { id: assetId },
  });
  return data.asset;
}

/** When a download URL resolved now stops being used (a minute before creative stops honouring it). */
export function downloadExpiry(now = Date.now()): string {
  return new Date(now + (DOWNLOAD_TTL_SECONDS - 60) * 1000).toISOString();
}
