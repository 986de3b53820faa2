import http, { type ServerResponse } from "node:http";
import { checkReadiness, type ReadinessCheck } from "@atelier/service-runtime";
import type { SubgraphEndpoint } from "../federation/supergraph";

const PROBE_TIMEOUT_MS = 2_000;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

/** GET through node:http: fetch refuses the fetch spec's blocked ports (a stack on PORT_BASE=6665). */
function probe(url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: PROBE_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
  });
}

/** Liveness: the process answers. */
export function sendHealth(res: ServerResponse): void {
  sendJson(res, 200, { status: "ok" });
}

/**
 * Readiness: not draining, the gateway's own dependencies (`checks`: the event bus) reachable,
 * and every subgraph answering on its `/health`. Any HTTP answer counts as reachable, so a
 * foreign subgraph without that route (404) still counts; a refused or silent connection does not.
 */
export async function sendReadiness(
  res: ServerResponse,
  subgraphs: SubgraphEndpoint[],
  draining: boolean,
  checks: Record<string, ReadinessCheck>,
): Promise<void> {
  if (draining) return sendJson(res, 503, { status: "draining" });
  const own = checkReadiness(checks, false);
  const results = await Promise.all(
    subgraphs.map(async ({ name, url }) => {
      try {
        return { name, reachable: true, status: await probe(new URL("/health", url)) };
      } catch {
        return { name, reachable: false };
      }
    }),
  );
  const { ready: ownReady, body } = await own;
  const ready = ownReady && results.every((r) => r.reachable);
  sendJson(res, ready ? 200 : 503, {
    status: ready ? "ready" : "unavailable",
    checks: body.checks,
    subgraphs: results,
  });
}
