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
