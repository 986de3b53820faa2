import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

export interface HttpDrain {
  /** True from the first call to `drain`: readiness answers 503, responses close their connection. */
  readonly draining: boolean;
  /** Requests being served now. */
  readonly inFlight: number;
  /**
   * Stops accepting connections, lets requests in flight finish (closing each keep-alive
   * connection as it goes idle) and, after `timeoutMs`, cuts the ones still open.
   * Resolves with whether every request finished in time.
   */
  drain(timeoutMs: number): Promise<boolean>;
}

/** How long an idle keep-alive connection stays open after the drain begins. */
const IDLE_GRACE_MS = 1_000;

/** Tracks a server's requests and connections from now on, for a graceful shutdown. */
export function trackHttpServer(server: Server): HttpDrain {
  const busy = new Map<Socket, number>();
  const responses = new Set<ServerResponse>();
  let inFlight = 0;
  let draining = false;

  server.on("connection", (socket: Socket) => {
    busy.set(socket, 0);
    socket.once("close", () => busy.delete(socket));
  });
  // An upgraded connection (graphql-ws) is the subscription server's to close, after the drain.
  server.on("upgrade", (_req: IncomingMessage, socket: Socket) => busy.delete(socket));
  server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    inFlight += 1;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    // A request arriving on a kept-alive connection while draining is still served, then closes it.
    if (draining) res.setHeader("connection", "close");
    responses.add(res);
    res.once("close", () => {
      responses.delete(res);
      inFlight -= 1;
      const left = (busy.get(socket) ?? 1) - 1;
      busy.set(socket, left);
      if (draining && left === 0) socket.end();
    });
  });

  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight;
    },
    async drain(timeoutMs) {
      draining = true;
      // Responses not yet begun tell their clients not to reuse the connection.
      for (const res of responses) if (!res.headersSent) res.setHeader("connection", "close");
      // Stop listening, but keep idle keep-alive connections a moment (server.close would end
      // them at once): a request already on its way on one is served, with Connection: close.
      const closeIdle = server.closeIdleConnections;
      server.closeIdleConnections = () => {};
      // Not awaited: upgraded (WebSocket) connections keep it open until their server closes them.
      server.close();
      server.closeIdleConnections = closeIdle;
      const started = Date.now();
      const graceMs = Math.min(IDLE_GRACE_MS, timeoutMs);
      let idleEnded = false;
      while (Date.now() - started < timeoutMs) {
        const inGrace = Date.now() - started < graceMs;
        if (!inGrace && !idleEnded) {
          idleEnded = true;
          for (const [socket, count] of busy) if (count === 0) socket.end();
        }
        if (inFlight === 0 && (!inGrace || busy.size === 0)) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const finished = inFlight === 0;
      server.closeAllConnections();
      for (const socket of busy.keys()) socket.destroy();
      return finished;
    },
  };
}
