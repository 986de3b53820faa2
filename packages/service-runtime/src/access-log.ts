import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "@atelier/logging";
import { counter } from "./metrics";

/** Paths probed every few seconds by orchestrators: logged at debug, not info. */
const PROBES = new Set(["/health", "/ready", "/metrics"]);
/** Paths counted by name; any other is "other", so callers cannot grow the label set. */
const KNOWN_PATHS = new Set([...PROBES, "/graphql"]);
const httpRequests = () =>
  counter("atelier_http_requests_total", "HTTP requests by path and status", ["method", "path", "status"]);

/**
 * One line per HTTP request when its response ends: method, path, status, duration, request id.
 * Fields a handler learns later (operation, tenant) are added through `res.locals`-like `fields`.
 */
export function logAccess(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  fields: Record<string, unknown> = {},
): void {
  const started = performance.now();
  res.once("close", () => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    httpRequests().inc({ method: req.method, path: KNOWN_PATHS.has(path) ? path : "other", status: res.statusCode });
    const level = PROBES.has(path) ? "debug" : "info";
    if (!logger.isLevelEnabled(level)) return;
    logger[level](
      {
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
        ...fields,
      },
      "request",
    );
  });
}
