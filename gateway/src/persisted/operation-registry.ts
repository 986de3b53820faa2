import type { EventBus } from "@atelier/event-bus";
import type { Logger } from "@atelier/logging";
import type { IdentityInternalClient } from "../auth/identity-internal-client";
import { TtlCache } from "../auth/ttl-cache";

export interface RegisteredOperation {
  document: string;
  operationName: string | null;
}

/** Whose registry an id is looked up in: an API client's allowed apps, or its whole tenant for first-party callers. */
export type LookupScope = { apiClientId: string } | { tenantId: string };

export interface OperationRegistry {
  lookup(id: string, scope: LookupScope): Promise<RegisteredOperation | null>;
}

interface LookupAnswer extends RegisteredOperation {
  allowed: boolean;
}

export const PERSISTED_OPERATIONS_CHANNEL = "persisted_operations";
const UNKNOWN_TTL_MS = 2_000;
const RELISTEN_AFTER_MS = 5_000;

/**
 * Trusted documents live in identity's registry. Answers are cached; identity announces every
 * publish and retirement on the bus and the cache is dropped then, the TTL being the safety net.
 */
export function createOperationRegistry(opts: {
  identity: IdentityInternalClient;
  bus: EventBus;
  cacheSeconds: number;
  logger: Logger;
}): OperationRegistry {
  const cache = new TtlCache<RegisteredOperation | null>(10_000);
  let listening: Promise<unknown> | undefined;
  // Changes announced while the bus was down were missed: forget everything once it is back.
  opts.bus.onReconnect(() => cache.clear());

  // Lazily, so a gateway whose callers never use ids opens no bus connection.
  function listen(): Promise<unknown> {
    listening ??= opts.bus
      .subscribe(PERSISTED_OPERATIONS_CHANNEL, () => cache.clear())
      .catch((error: unknown) => {
        opts.logger.warn({ err: error }, "cannot listen for persisted-operation changes; relying on the cache TTL");
        // Tried again by a later lookup, not given up for the life of the process.
        setTimeout(() => {
          listening = undefined;
        }, RELISTEN_AFTER_MS).unref();
      });
    return listening;
  }

  return {
    async lookup(id, scope) {
      await listen();
      const key = "apiClientId" in scope ? `c:${scope.apiClientId}:${id}` : `t:${scope.tenantId}:${id}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const result = await opts.identity.post<LookupAnswer>("/internal/persisted-operations/lookup", { id, ...scope });
      const found =
        result.ok && result.body.allowed
          ? { document: result.body.document, operationName: result.body.operationName ?? null }
          : null;
      cache.set(key, found, found ? opts.cacheSeconds * 1000 : UNKNOWN_TTL_MS);
      return found;
    },
  };
}
