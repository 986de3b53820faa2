import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serveBenchSubgraphs } from "../products-supergraph/serve-subgraphs";
import { BENCH_SUBGRAPHS } from "../products-supergraph/subgraphs";
import { announceReady } from "./child-process";

const subgraphs = await serveBenchSubgraphs(BENCH_SUBGRAPHS);
// GET /requests: how many subgraph calls so far, for the bench's fetches per operation.
const stats = createServer((_req, res) => res.end(String(subgraphs.requests())));
await new Promise<void>((resolve) => stats.listen(0, "127.0.0.1", resolve));
const statsUrl = `http://127.0.0.1:${(stats.address() as AddressInfo).port}/requests`;
announceReady({ ...subgraphs.urls, statsUrl });
