import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { type HostPattern, isAllowlisted, isPublicAddress } from "./address-policy";

/** The destination is not allowed (a non-public address, a scheme other than http/https). */
export class DestinationRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DestinationRefusedError";
  }
}

/** The answer's body exceeded `maxResponseBytes`. */
export class ResponseTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`response larger than ${limit} bytes`);
    this.name = "ResponseTooLargeError";
  }
}

export interface GuardedRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
  /** Hosts reached even at non-public addresses (operators' exceptions). */
  allowedHosts?: readonly HostPattern[];
  /** Default 10 MiB. */
  maxResponseBytes?: number;
  /** Redirects followed, each destination checked again (default 5; 0 returns the 3xx). */
  maxRedirects?: number;
  /** Names the setting that lists exceptions, for the refusal's message. */
  allowedHostsSetting?: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
  /** The body decoded as UTF-8. */
  text: string;
}

const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

function refuse(host: string, address: string, setting: string | undefined): never {
  const hint = setting ? ` (list it in ${setting} to allow it)` : "";
  throw new DestinationRefusedError(`refused to connect to ${host}: ${address} is not a public address${hint}`);
}

/**
 * Resolves like dns.lookup, then refuses when any address is not public. It runs when the
 * socket connects, so the address checked is the address used: a DNS answer that changes
 * between a check and the connection (rebinding) cannot slip through.
 */
const publicOnlyLookup =
  (setting: string | undefined): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const bad = addresses.find((a) => !isPublicAddress(a.address));
      if (bad) {
        try {
          refuse(hostname, bad.address, setting);
        } catch (refusal) {
          return callback(refusal as NodeJS.ErrnoException, "", 0);
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
      callback(null, first.address, first.family);
    });
  };

function sendOnce(
  url: URL,
  req: GuardedRequest,
  method: string,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
): Promise<RawResponse> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new DestinationRefusedError(`refused ${url.protocol} URL: only http and https are allowed`);
  }
  const allowlisted = isAllowlisted(url, req.allowedHosts ?? []);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  // Sockets to an IP literal skip the lookup hook: check those here.
  if (!allowlisted && isIP(literal) && !isPublicAddress(literal)) refuse(url.host, literal, req.allowedHostsSetting);
  const maxBytes = req.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      {
        method,
        headers,
        signal: req.signal,
        // A fresh connection per request: a pooled socket would skip the lookup check.
        agent: false,
        ...(allowlisted ? {} : { lookup: publicOnlyLookup(req.allowedHostsSetting) }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) res.destroy(new ResponseTooLargeError(maxBytes));
          else chunks.push(chunk);
        });
        res.on("error", reject);
        res.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
          }
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers, bytes, text: bytes.toString("utf8") });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/**
 * Sends a request, following redirects (5 by default), each destination checked before it is
 * reached: the URL's scheme, an IP literal's address, and every DNS answer at connect time.
 */
export async function guardedRequest(req: GuardedRequest): Promise<RawResponse> {
  let url = new URL(req.url);
  let method = req.method ?? "GET";
  let body = req.body;
  const headers = { ...req.headers };
  const maxRedirects = req.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  for (let hop = 0; ; hop++) {
    const response = await sendOnce(url, req, method, headers, body);
    const location = response.headers.location;
    if (![301, 302, 303, 307, 308].includes(response.status) || !location || maxRedirects === 0) return response;
    if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`);
    const next = new URL(location, url);
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
      method = "GET";
      body = undefined;
      delete headers["content-type"];
    }
    if (next.origin !== url.origin) {
      delete headers.authorization;
      delete headers.cookie;
    }
    url = next;
  }
}
