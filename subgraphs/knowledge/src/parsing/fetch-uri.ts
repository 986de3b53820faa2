import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { BadUserInputError } from "@atelier/subgraph-kit";
import { type SupportedMimeType, supportedMimeType } from "./supported-types";

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  /** Off in production: refuses loopback, private and link-local addresses (no SSRF into the network). */
  allowPrivateNetworks: boolean;
}

const PRIVATE = [
  /^127\./,
  /^10\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^169\.254\./,
  /^0\./,
  /^::1$/,
  /^f[cd]/i,
  /^fe80/i,
];

async function assertPublicHost(hostname: string): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.some((address) => PRIVATE.some((range) => range.test(address)))) {
    throw new BadUserInputError("uri: private network addresses are not fetched");
  }
}

/** Fetches a document over http(s), refusing bodies over `maxBytes` and answers slower than `timeoutMs`. */
export async function fetchUri(
  uri: string,
  limits: FetchLimits,
): Promise<{ bytes: Uint8Array; mimeType: SupportedMimeType }> {
  const url = new URL(uri);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new BadUserInputError("uri: only http and https are fetched");
  if (!limits.allowPrivateNetworks) await assertPublicHost(url.hostname);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: "error" });
  } catch (error) {
    const reason =
      (error as Error).name === "TimeoutError" ? `no answer within ${limits.timeoutMs} ms` : (error as Error).message;
    throw new BadUserInputError(`uri: could not fetch (${reason})`);
  }
  if (!response.ok) throw new BadUserInputError(`uri: the server answered ${response.status}`);
  const mimeType = supportedMimeType(response.headers.get("content-type"));
  if (!mimeType) throw new BadUserInputError(`uri: unsupported content type ${response.headers.get("content-type")}`);
  if (Number(response.headers.get("content-length") ?? 0) > limits.maxBytes) {
    throw new BadUserInputError(`uri: larger than ${limits.maxBytes} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > limits.maxBytes) throw new BadUserInputError(`uri: larger than ${limits.maxBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof BadUserInputError) throw error;
    throw new BadUserInputError(`uri: could not read the body (${(error as Error).message})`);
  }
  return { bytes: Buffer.concat(chunks), mimeType };
}
