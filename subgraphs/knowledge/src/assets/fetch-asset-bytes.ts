import {
  DestinationRefusedError,
  guardedRequest,
  type HostPattern,
  type RawResponse,
  ResponseTooLargeError,
} from "@atelier/outbound-fetch";
import { IngestionError } from "../ingestion/ingestion-failure";

export interface AssetFetchLimits {
  maxBytes: number;
  timeoutMs: number;
  /** Hosts reached even at non-public addresses (ASSET_FETCH_ALLOWED_HOSTS): creative's storage in dev. */
  allowedHosts: readonly HostPattern[];
}

/** The bytes, or the status with which storage refused the URL (expired, revoked or gone). */
export type AssetBytes = { kind: "ok"; bytes: Buffer } | { kind: "refused"; status: number };

const REFUSED = new Set([401, 403, 404, 410]);

/**
 * Downloads an asset version from the signed URL creative gave out, through the shared outbound
 * guard (only public addresses unless the host is allow-listed, redirects checked again), within
 * the size and time limits. Outages (network, timeout, 5xx, 429) throw a retryable
 * IngestionError; a refused destination or a body over the limit a permanent one; a URL storage
 * refused is returned so the caller can resolve a fresh one.
 */
export async function fetchAssetBytes(url: string, limits: AssetFetchLimits): Promise<AssetBytes> {
  let response: RawResponse;
  try {
    response = await guardedRequest({
      url,
      signal: AbortSignal.timeout(limits.timeoutMs),
      allowedHosts: limits.allowedHosts,
      allowedHostsSetting: "ASSET_FETCH_ALLOWED_HOSTS",
      maxResponseBytes: limits.maxBytes,
    });
  } catch (error) {
    throw failureOf(error as Error, limits);
  }
  if (REFUSED.has(response.status)) return { kind: "refused", status: response.status };
  if (response.status < 200 || response.status > 299) {
    const retryable = response.status === 429 || response.status >= 500;
    throw new IngestionError(`asset storage answered ${response.status}`, retryable);
  }
  return { kind: "ok", bytes: response.bytes };
}

function failureOf(error: Error, limits: AssetFetchLimits): IngestionError {
  if (error instanceof DestinationRefusedError) {
    return new IngestionError(`the asset's download URL was refused: ${error.message}`, false);
  }
  if (error instanceof ResponseTooLargeError) {
    return new IngestionError(`the asset is larger than ${limits.maxBytes} bytes`, false);
  }
  const reason =
    error.name === "TimeoutError" || error.name === "AbortError"
      ? `no answer within ${limits.timeoutMs} ms`
      : error.message;
  return new IngestionError(`could not download the asset (${reason})`, true);
}
