import { BlockList, isIP } from "node:net";

/**
 * Where a server-side fetch of a user-given URL may connect. By default only to public unicast
 * addresses: a user must not reach the services beside ours (loopback, private networks, cloud
 * metadata at 169.254.169.254). Each service lets operators list exceptions (allowed hosts).
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", incl. the unspecified 0.0.0.0
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, incl. cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["192.0.2.0", 24], // documentation (TEST-NET-1..3)
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, incl. broadcast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible range
  ["64:ff9b::", 96], // NAT64: reaches IPv4 addresses, private ones included
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard-only
  ["2001::", 32], // Teredo: tunnels to an embedded IPv4 address
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4: tunnels to an embedded IPv4 address
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/**
 * True for an address reachable without an allowlist entry. IPv4-mapped IPv6 (`::ffff:7f00:1`)
 * is checked as the IPv4 address it maps (BlockList does so); IPv4-compatible IPv6 (`::7f00:1`)
 * falls in `::/96`. Decimal, octal and hex IPv4 spellings never reach here: the WHATWG URL parser
 * has already turned `2130706433`, `0177.0.0.1` and `0x7f.1` into `127.0.0.1`.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NON_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

export interface HostPattern {
  /** Lower-case host, `*.suffix`, or `*` for any. IPv6 without brackets. */
  host: string;
  /** Null: any port. */
  port: number | null;
}

/** Parses `host`, `host:port`, `*.example.com`, `[::1]:8080` or `*`; throws on anything else. */
export function parseHostPattern(text: string): HostPattern {
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s]+))(?::(\d{1,5}))?$/i.exec(text.trim());
  const host = (match?.[1] ?? match?.[2])?.toLowerCase();
  const port = match?.[3] === undefined ? null : Number(match[3]);
  if (!host || (port !== null && (port < 1 || port > 65_535))) {
    throw new Error(`"${text}" is not a host or host:port pattern`);
  }
  if (host.includes("*") && host !== "*" && !/^\*\.[^*]+$/.test(host)) {
    throw new Error(`"${text}": a wildcard may only lead, as in *.example.com`);
  }
  return { host, port };
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === "*") return true;
  if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

/** True when the URL's host (and port) is listed, so its addresses are not checked. */
export function isAllowlisted(url: URL, patterns: readonly HostPattern[]): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  return patterns.some((p) => hostMatches(p.host, host) && (p.port === null || p.port === port));
}
