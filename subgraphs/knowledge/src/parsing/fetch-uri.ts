import {
  DestinationRefusedError,
  guardedRequest,
  type HostPattern,
  type RawResponse,
  ResponseTooLargeError,
} from "@atelier/outbound-fetch";
import { BadUserInputError } from "@atelier/subgraph-kit";
import { type SupportedMimeType, supportedMimeType } from "./supported-types";

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  /** Hosts fetched even at non-public addresses (URI_FETCH_ALLOWED_HOSTS; `*` with URI_FETCH_ALLOW_PRIVATE). */
  allowedHosts: readonly HostPattern[];
}

/**
 * Fetches a document over http(s) through the shared outbound guard: only public addresses
 * (every spelling of a private one refused, DNS answers checked at connect time), redirects
 * followed and checked again, bodies over `maxBytes` and answers slower than `timeoutMs` refused.
 */
export async function fetchUri(
  uri: string,
  limits: FetchLimits,
): Promise<{ bytes: Uint8Array; mimeType: SupportedMimeType }> {
  let response: RawResponse;
  try {
    response = await guardedRequest({
      url: uri,
      signal: AbortSignal.timeout(limits.timeoutMs),
      allowedHosts: limits.allowedHosts,
      allowedHostsSetting: "URI_FETCH_ALLOWED_HOSTS",
      maxResponseBytes: limits.maxBytes,
    });
  } catch (error) {
    throw new BadUserInputError(`uri: ${reasonOf(error as Error, limits)}`);
  }
  if (response.status < 200 || response.status > 299) {
    throw new BadUserInputError(`uri: the server answered ${response.status}`);
  }
  const mimeType = supportedMimeType(response.headers["content-type"] ?? null);
  if (!mimeType) throw new BadUserInputError(`uri: unsupported content type ${response.headers["content-type"]}`);
  return { bytes: response.bytes, mimeType };
}

function reasonOf(error: Error, limits: FetchLimits): string {
  if (error instanceof DestinationRefusedError) {
    return /only http and https/.test(error.message)
      ? "only http and https are fetched"
      : `private network addresses are not fetched (${error.message})`;
  }
  if (error instanceof ResponseTooLargeError) return `larger than ${limits.maxBytes} bytes`;
  if (error.name === "TimeoutError" || error.name === "AbortError") {
    return `could not fetch (no answer within ${limits.timeoutMs} ms)`;
  }
  if (error instanceof TypeError) return "not a valid URL";
  return `could not fetch (${error.message})`;
}
