import type { EventBus } from "@atelier/event-bus";
import type { Logger } from "@atelier/logging";
import type { IdentityInternalClient } from "../auth/identity-internal-client";
import { AccessCache, type AccessSubject, type CurrentAccess, subjectKey } from "./access-cache";

/**
 * identity publishes `{ userId }` or `{ tenantId }` here after a membership or session change commits,
 * and `{ apiClientId, tenantId }` after an API client is revoked, rotated or re-scoped.
 */
export const ACCESS_CHANGES_CHANNEL = "access_changes";
/** A removed member, a demoted editor or an ended session loses access within this long, notice or not. */
export const ACCESS_CACHE_TTL_MS = 15_000;
const MAX_BATCH = 64;

/** With `apiClientId`, `tenantId` only says where the client is: the tenant's members are unchanged. */
export type AccessChange = { userId?: string; tenantId?: string; apiClientId?: string };

export interface CurrentAccessResolver {
  resolve(subject: AccessSubject): Promise<CurrentAccess>;
  /** Called after the cache is dropped for a change, so a re-check reads identity afresh. */
  onChange(listener: (change: AccessChange) => void): () => void;
  /** Drops cached answers (what identity's notice does). */
  forget(change: AccessChange): void;
  /** Drops one subject's cached answer, telling no one: its next resolve reads identity (a socket's sweep). */
  expire(subject: AccessSubject): void;
}

/**
 * Every request's tenant role comes from identity's current membership, not the token: a cache hit
 * on the hot path; misses of one tick go to identity as one batch, and concurrent misses of one
 * subject share it. identity's notices drop entries at once, the TTL bounds a lost notice.
 */
export function createCurrentAccessResolver(opts: {
  identity: IdentityInternalClient;
  bus: EventBus;
  logger: Logger;
  ttlMs?: number;
}): CurrentAccessResolver {
  const cache = new AccessCache(opts.ttlMs ?? ACCESS_CACHE_TTL_MS);
  const inFlight = new Map<string, Promise<CurrentAccess>>();
  const listeners = new Set<(change: AccessChange) => void>();
  type Waiter = {
    subject: AccessSubject;
    lookup?: Promise<CurrentAccess>;
    resolve: (a: CurrentAccess) => void;
    reject: (e: unknown) => void;
  };
  const pending: Waiter[] = [];
  // Bumped by every change: an answer read before a change is handed out but not cached.
  let generation = 0;
  // From the start, not on first use: a notice missed while nobody listened would cost 15 s.
  opts.bus
    .subscribe(ACCESS_CHANGES_CHANNEL, (message) => forget(message as AccessChange))
    .catch((error: unknown) => {
      opts.logger.warn({ err: error }, "cannot listen for access changes; relying on the 15 s cache");
    });

  function forget(change: AccessChange): void {
    const { userId, apiClientId } = change;
    // An API client's notice drops no member's answer; its listeners drop the key's verification.
    const tenantId = typeof apiClientId === "string" ? undefined : change.tenantId;
    if (typeof userId !== "string" && typeof tenantId !== "string" && typeof apiClientId !== "string") return;
    generation++;
    const matches = (s: AccessSubject) =>
      (typeof userId === "string" && s.userId === userId) || (typeof tenantId === "string" && s.tenantId === tenantId);
    cache.forget(matches);
    for (const key of inFlight.keys()) {
      const [keyUser, keyTenant] = key.split("\n");
      if (keyUser === userId || (keyTenant && keyTenant === tenantId)) inFlight.delete(key);
    }
    for (const listener of listeners) listener(change);
  }

  async function flush(): Promise<void> {
    const batch = pending.splice(0, MAX_BATCH);
    if (pending.length > 0) setImmediate(() => void flush());
    const startedAt = generation;
    try {
      const answer = await opts.identity.post<{ results: CurrentAccess[] }>("/internal/access/resolve", {
        subjects: batch.map((p) => p.subject),
      });
      if (!answer.ok) throw new Error(`identity refused the access lookup (HTTP ${answer.status})`);
      batch.forEach((p, i) => {
        const access = answer.body.results[i] ?? { signedIn: false, role: null };
        if (generation === startedAt) cache.set(p.subject, access);
        p.resolve(access);
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      for (const p of batch) {
        const key = subjectKey(p.subject);
        if (inFlight.get(key) === p.lookup) inFlight.delete(key);
      }
    }
  }

  return {
    resolve(subject) {
      const key = subjectKey(subject);
      const cached = cache.get(key);
      if (cached) return Promise.resolve(cached);
      const shared = inFlight.get(key);
      if (shared) return shared;
      const waiter = { subject } as Waiter;
      const lookup = new Promise<CurrentAccess>((resolve, reject) => {
        waiter.resolve = resolve;
        waiter.reject = reject;
      });
      waiter.lookup = lookup;
      if (pending.length === 0) setImmediate(() => void flush());
      pending.push(waiter);
      inFlight.set(key, lookup);
      return lookup;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    forget,
    expire: (subject) => cache.delete(subjectKey(subject)),
  };
}
