import { IngestionError } from "../ingestion/ingestion-failure";

export interface AssetFetchLimits {
  maxBytes: number;
  timeoutMs: number;
}

/** The bytes, or the status with which storage refused the URL (expired, revoked or gone). */
export type AssetBytes = { kind: "ok"; bytes: Buffer } | { kind: "refused"; status: number };

const REFUSED = new Set([401, 403, 404, 410]);

/**
 * Downloads an asset version from the signed URL creative gave out, within the size and time
 * limits. Outages (network, timeout, 5xx, 429) throw a retryable IngestionError, a body over the
 * limit a permanent one; a refused URL is returned so the caller can resolve a fresh one.
 */
export async function fetchAssetBytes(url: string, limits: AssetFetchLimits): Promise<AssetBytes> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: "follow" });
  } catch (error) {
    const reason =
      (error as Error).name === "TimeoutError" ? `no answer within ${limits.timeoutMs} ms` : (error as Error).message;
    throw new IngestionError(`could not download the asset (${reason})`, true);
  }
  if (REFUSED.has(response.status)) {
    await response.body?.cancel();
    return { kind: "refused", status: response.status };
  }
  if (!response.ok) {
    await response.body?.cancel();
    const retryable = response.status === 429 || response.status >= 500;
    throw new IngestionError(`asset storage answered ${response.status}`, retryable);
  }
  const tooLarge = () => new IngestionError(`the asset is larger than ${limits.maxBytes} bytes`, false);
  if (Number(response.headers.get("content-length") ?? 0) > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const part of response.body as AsyncIterable<Uint8Array>) {
      total += part.byteLength;
      if (total > limits.maxBytes) throw tooLarge();
      parts.push(part);
    }
  } catch (error) {
    if (error instanceof IngestionError) throw error;
    throw new IngestionError(`could not read the asset's bytes (${(error as Error).message})`, true);
  }
  return { kind: "ok", bytes: Buffer.concat(parts) };
}
