import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DestinationRefusedError, guardedRequest, isPublicAddress, parseHostPattern } from "../src/index";

// A server on loopback that must never be reached: every refused URL below points at it.
let target: Server;
let port: number;
const reached: string[] = [];
let redirector: Server;
let redirectorPort: number;

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
};

beforeAll(async () => {
  target = createServer((req: IncomingMessage, res) => {
    reached.push(req.url ?? "");
    res.end("internal secret");
  });
  port = await listen(target);
  // Hands out a redirect to wherever `?to=` says: a public-looking first hop to a private second.
  redirector = createServer((req, res) => {
    const to = new URL(req.url ?? "/", "http://x").searchParams.get("to") ?? "/";
    res.writeHead(302, { location: to }).end();
  });
  redirectorPort = await listen(redirector);
});
afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
  await new Promise((resolve) => redirector.close(resolve));
});

const get = (url: string, allowed: string[] = []) =>
  guardedRequest({ url, signal: AbortSignal.timeout(5_000), allowedHosts: allowed.map(parseHostPattern) });

describe("URLs a server-side fetch refuses, in every spelling of a non-public address", () => {
  const encodings: [string, (p: number) => string][] = [
    ["IPv4 loopback", (p) => `http://127.0.0.1:${p}/`],
    ["IPv4-mapped IPv6, dotted", (p) => `http://[::ffff:127.0.0.1]:${p}/`],
    ["IPv4-mapped IPv6, hex", (p) => `http://[::ffff:7f00:1]:${p}/`],
    ["IPv4-mapped IPv6, long form", (p) => `http://[0:0:0:0:0:ffff:127.0.0.1]:${p}/`],
    ["IPv4-compatible IPv6", (p) => `http://[::127.0.0.1]:${p}/`],
    ["decimal IPv4", (p) => `http://2130706433:${p}/`],
    ["octal IPv4", (p) => `http://0177.0.0.1:${p}/`],
    ["hex IPv4, short form", (p) => `http://0x7f.1:${p}/`],
    ["hex IPv4, one number", (p) => `http://0x7f000001:${p}/`],
    ["short dotted IPv4", (p) => `http://127.1:${p}/`],
    ["unspecified IPv4", (p) => `http://0.0.0.0:${p}/`],
    ["zero", (p) => `http://0:${p}/`],
    ["IPv6 loopback", (p) => `http://[::1]:${p}/`],
    ["IPv6 unspecified", (p) => `http://[::]:${p}/`],
    ["IPv6 link-local", (p) => `http://[fe80::1]:${p}/`],
    ["IPv6 unique local", (p) => `http://[fd00::1]:${p}/`],
    ["mapped cloud metadata", (p) => `http://[::ffff:a9fe:a9fe]:${p}/`],
    ["NAT64 of loopback", (p) => `http://[64:ff9b::7f00:1]:${p}/`],
    ["6to4 of loopback", (p) => `http://[2002:7f00:1::]:${p}/`],
    ["a name resolving to loopback (checked at connect time)", (p) => `http://localhost:${p}/`],
    ["uppercase scheme and name", (p) => `HTTP://LOCALHOST:${p}/`],
    ["credentials in the URL", (p) => `http://user:pass@127.0.0.1:${p}/`],
    ["a redirect to loopback", (p) => `http://127.0.0.1:${redirectorPort}/?to=http://127.0.0.1:${p}/`],
    ["a redirect to a mapped address", (p) => `http://127.0.0.1:${redirectorPort}/?to=http://[::ffff:7f00:1]:${p}/`],
    ["a redirect to a decimal address", (p) => `http://127.0.0.1:${redirectorPort}/?to=http://2130706433:${p}/`],
  ];
  // The redirect cases list the redirector itself as allowed, so only the second hop is judged.
  it.each(encodings)("refuses %s", async (_, urlFor) => {
    const url = urlFor(port);
    await expect(get(url, [`127.0.0.1:${redirectorPort}`])).rejects.toBeInstanceOf(DestinationRefusedError);
    expect(reached).toEqual([]);
  });

  it.each([
    ["file", "file:///etc/passwd"],
    ["gopher", "gopher://127.0.0.1:70/"],
    ["data", "data:text/plain,hi"],
    ["ftp", "ftp://example.com/"],
  ])("refuses the %s scheme", async (_, url) => {
    await expect(get(url)).rejects.toThrow(/only http and https/);
  });

  it("classifies cloud metadata, private and tunnelled addresses as not public, and public ones as public", () => {
    const notPublic = ["169.254.169.254", "10.0.0.1", "172.16.0.1", "192.168.0.1", "100.64.0.1", "fe80::1", "2001::1"];
    expect(notPublic.filter(isPublicAddress)).toEqual([]);
    expect(["8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"].filter((a) => !isPublicAddress(a))).toEqual([]);
  });

  it("reaches a non-public host the operator listed, and names the setting when it refuses", async () => {
    const res = await get(`http://127.0.0.1:${port}/listed`, [`127.0.0.1:${port}`]);
    expect(res).toMatchObject({ status: 200, text: "internal secret" });
    await expect(
      guardedRequest({ url: `http://[::1]:${port}/`, allowedHostsSetting: "URI_FETCH_ALLOWED_HOSTS" }),
    ).rejects.toThrow(/list it in URI_FETCH_ALLOWED_HOSTS/);
    reached.length = 0;
  });
});
