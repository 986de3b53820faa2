import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startTickerSubgraphs } from "../../gateway/test/support/ticker-subgraphs";
import { announceReady } from "./child-process";

// The subscription bench's ticker subgraphs in their own process, as subgraphs run in production.
const databaseUrl = process.env.TICKER_DATABASE_URL ?? "";
const publicKey = process.env.TICKER_INTERNAL_PUBLIC_KEY ?? "";
const subgraphs = await startTickerSubgraphs(databaseUrl, publicKey);
// GET /stats: the reads served so far, as JSON.
const stats = createServer((_req, res) => res.end(JSON.stringify(subgraphs.stats)));
await new Promise<void>((resolve) => stats.listen(0, "127.0.0.1", resolve));
announceReady({
  ticks: subgraphs.ticks.url,
  people: subgraphs.people.url,
  statsUrl: `http://127.0.0.1:${(stats.address() as AddressInfo).port}/stats`,
});
