import type { IncomingMessage } from "node:http";
import type { ClientInfo } from "../context";

const MAX_USER_AGENT = 512;

/**
 * The end client's address: the socket's peer, or, behind `trustedHops` proxies, the address the
 * outermost trusted proxy saw (X-Forwarded-For counted from the right, so a client cannot spoof it).
 */
export function clientInfo(req: IncomingMessage, trustedHops: number): ClientInfo {
  let ip = req.socket.remoteAddress ?? null;
  if (trustedHops > 0) {
    const header = req.headers["x-forwarded-for"];
    const chain = (Array.isArray(header) ? header.join(",") : (header ?? ""))
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    ip = chain[chain.length - trustedHops] ?? chain[0] ?? ip;
  }
  const userAgent = req.headers["user-agent"]?.slice(0, MAX_USER_AGENT) ?? null;
  return { ip: ip?.replace(/^::ffff:/, "") ?? null, userAgent };
}
