import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseHostPattern } from "@atelier/outbound-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AssetFetchLimits, fetchAssetBytes } from "../src/assets/fetch-asset-bytes";
import { loadKnowledgeConfig } from "../src/config";
import { IngestionError } from "../src/ingestion/ingestion-failure";

// Asset downloads go through the shared outbound guard: a signed URL pointing at a loopback or
// private address is refused unless its host is on ASSET_FETCH_ALLOWED_HOSTS (creative's storage
// in dev, e2e and compose). A real loopback server stands in for storage.

let server: Server;
let port: number;
let hits = 0;
const BYTES = "# Brief\n\nKiln notes.";

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.url === "/redirect") {
      res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${port}/blob` }).end();
      return;
    }
    res.writeHead(200, { "content-type": "text/markdown" }).end(BYTES);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const limits = (allowed: string[] = []): AssetFetchLimits => ({
  maxBytes: 1000,
  timeoutMs: 5000,
  allowedHosts: allowed.map(parseHostPattern),
});

async function refusal(url: string, allowed: string[] = []): Promise<IngestionError> {
  const error = await fetchAssetBytes(url, limits(allowed)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestionError);
  return error as IngestionError;
}

describe("asset downloads through the outbound guard", () => {
  it.each([
    ["loopback", () => `http://127.0.0.1:${port}/blob`],
    ["localhost by name", () => `http://localhost:${port}/blob`],
    ["IPv4-mapped IPv6", () => `http://[::ffff:127.0.0.1]:${port}/blob`],
    ["decimal IPv4", () => `http://2130706433:${port}/blob`],
    ["private network", () => "http://10.0.0.1/blob"],
    ["cloud metadata", () => "http://169.254.169.254/latest/meta-data"],
  ])("refuses a %s URL not on the allow-list, permanently and saying which setting allows it", async (_, url) => {
    const before = hits;
    const error = await refusal(url());
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(
      /^the asset's download URL was refused: refused to connect to .+ is not a public address/,
    );
    expect(error.message).toContain("ASSET_FETCH_ALLOWED_HOSTS");
    expect(hits).toBe(before);
  });

  it("downloads from a loopback host on the allow-list", async () => {
    const result = await fetchAssetBytes(`http://127.0.0.1:${port}/blob`, limits([`127.0.0.1:${port}`]));
    expect(result).toEqual({ kind: "ok", bytes: Buffer.from(BYTES) });
  });

  it("checks a redirect's destination again: an allowed host cannot hand off to one that is not", async () => {
    const error = await refusal(`http://127.0.0.1:${port}/redirect`, [`127.0.0.1:${port}`]);
    expect(error.message).toContain("::ffff:7f00:1 is not a public address");
    expect(error.retryable).toBe(false);
  });

  it("allows only the port listed", async () => {
    const error = await refusal(`http://127.0.0.1:${port}/blob`, [`127.0.0.1:${port === 1 ? 2 : port - 1}`]);
    expect(error.message).toContain("ASSET_FETCH_ALLOWED_HOSTS");
  });

  it("reads ASSET_FETCH_ALLOWED_HOSTS from the environment, empty by default", () => {
    const base = { INTERNAL_JWT_PUBLIC_KEY: "k" };
    expect(loadKnowledgeConfig(base).assetFetchAllowedHosts).toEqual([]);
    expect(
      loadKnowledgeConfig({ ...base, ASSET_FETCH_ALLOWED_HOSTS: "localhost:4004,*.storage.internal" })
        .assetFetchAllowedHosts,
    ).toEqual([
      { host: "localhost", port: 4004 },
      { host: "*.storage.internal", port: null },
    ]);
  });
});
