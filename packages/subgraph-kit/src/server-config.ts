import type { ReadinessCheck } from "@atelier/service-runtime";

/** The part of every subgraph's config that its HTTP server takes as it is. */
export interface ServerConfigSlice {
  port: number;
  host: string;
  internalPublicKey: string;
  introspection: boolean;
  drainTimeoutMs: number;
}

/** `createSubgraphServer` options read from a subgraph's config. */
export function serverOptionsOf(config: ServerConfigSlice): ServerConfigSlice {
  const { port, host, internalPublicKey, introspection, drainTimeoutMs } = config;
  return { port, host, internalPublicKey, introspection, drainTimeoutMs };
}

/** `/ready` of a subgraph: its database answers and its event bus is connected. */
export function databaseAndBusReadiness(
  ping: () => Promise<unknown>,
  bus: { check(): Promise<void> | void },
): Record<string, ReadinessCheck> {
  return { database: async () => void (await ping()), eventBus: async () => bus.check() };
}

/** A started subgraph as its process and tests hold it: `stop()` drains the server, then closes the rest. */
export function runningSubgraph<S>(
  server: { url: string; port: number; stop(): Promise<void> },
  services: S,
  closeRest: () => Promise<unknown>,
): { url: string; port: number; services: S; stop(): Promise<void> } {
  return {
    url: server.url,
    port: server.port,
    services,
    async stop() {
      await server.stop();
      await closeRest();
    },
  };
}
