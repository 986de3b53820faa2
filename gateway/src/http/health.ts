import type { ServerResponse } from "node:http";
import type { EventBusState } from "@atelier/event-bus";
import type { SubgraphEndpoint } from "../federation/supergraph";

const PROBE_TIMEOUT_MS = 2_000;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

/** Liveness: the process answers. */
export function sendHealth(res: ServerResponse): void {
  sendJson(res, 200, { status: "ok" });
}

/**
 * Readiness: every subgraph answers on its `/health`. Any HTTP answer counts as reachable, so a
 * foreign subgraph without that route (404) still counts; a refused or silent connection does not.
 * The event bus's state is reported, not required: while it reconnects, subscriptions still
 * advance on their periodic re-read.
 */
export async function sendReadiness(
  res: ServerResponse,
  subgraphs: SubgraphEndpoint[],
  eventBus?: () => EventBusState,
): Promise<void> {
  const results = await Promise.all(
    subgraphs.map(async ({ name, url }) => {
      try {
        const response = await fetch(new URL("/health", url), { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
        await response.body?.cancel();
        return { name, reachable: true, status: response.status };
      } catch {
        return { name, reachable: false };
      }
    }),
  );
  const ready = results.every((r) => r.reachable);
  sendJson(res, ready ? 200 : 503, {
    status: ready ? "ready" : "unavailable",
    subgraphs: results,
    ...(eventBus ? { eventBus: eventBus() } : {}),
  });
}
