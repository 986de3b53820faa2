import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sendMetrics } from "./metrics";
import { type ReadinessCheck, sendReadinessOf } from "./readiness";

export interface OperationalServer {
  port: number;
  /** From now on `/ready` answers 503. */
  markDraining(): void;
  close(): Promise<void>;
}

/**
 * `/health`, `/ready` and `/metrics` for a process that serves no other HTTP (a worker), so it is
 * probed and scraped like every service.
 */
export async function startOperationalServer(opts: {
  port: number;
  host?: string;
  checks?: Record<string, ReadinessCheck>;
}): Promise<OperationalServer> {
  let draining = false;
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const work =
      path === "/health"
        ? Promise.resolve(void res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}'))
        : path === "/ready"
          ? sendReadinessOf(res, opts.checks ?? {}, draining)
          : path === "/metrics"
            ? sendMetrics(res)
            : Promise.resolve(void res.writeHead(404).end());
    work.catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    markDraining() {
      draining = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
