import type { Identity } from "@atelier/internal-auth";
import { CloseCode } from "graphql-ws";
import { decodeJwt } from "jose";
import type { AccessChange, CurrentAccessResolver } from "../access/current-access";
import { ACCESS_CACHE_TTL_MS } from "../access/current-access";
import type { Authenticate } from "../auth/authenticate";
import { AuthenticationError } from "../auth/authentication-error";
import { type CredentialInput, parseCredential } from "../auth/credential";

/** What a socket needs to be re-checked: how it authenticated, who it was then, how to close it. */
export interface WatchedSocket {
  credential: CredentialInput;
  identity: Identity;
  close(code: number, reason: string): void;
}

// setTimeout's limit; a token living longer is re-checked by the periodic sweep anyway.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** When a bearer token stops being valid (ms), or null for credentials without expiry (API keys). */
export function credentialExpiry(credential: CredentialInput): number | null {
  try {
    const parsed = parseCredential(credential);
    if (parsed.kind !== "bearer") return null;
    const { exp } = decodeJwt(parsed.token);
    return typeof exp === "number" ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * Open sockets are re-checked as their credential would be on a new request: on every access notice
 * for their user or tenant, every TTL (so a lost notice costs no more than on HTTP), and when the
 * token expires. A refused credential (ended session, expiry) closes with 4401; any change of what
 * the identity may do (membership gone, another role) with 4403. The client reconnects with a fresh
 * token and `afterSequence` and misses nothing.
 */
export function createSocketAccessWatch(opts: { authenticate: Authenticate; access: CurrentAccessResolver }) {
  const byUser = new Map<string, Set<WatchedSocket>>();
  const byTenant = new Map<string, Set<WatchedSocket>>();
  const index = (map: Map<string, Set<WatchedSocket>>, key: string | null, socket: WatchedSocket) => {
    if (!key) return () => {};
    const set = map.get(key) ?? new Set<WatchedSocket>();
    map.set(key, set);
    set.add(socket);
    return () => {
      set.delete(socket);
      if (set.size === 0) map.delete(key);
    };
  };

  async function recheck(socket: WatchedSocket): Promise<void> {
    try {
      const now = await opts.authenticate(socket.credential);
      if (JSON.stringify(now) !== JSON.stringify(socket.identity)) {
        socket.close(CloseCode.Forbidden, "Forbidden: your access in this tenant changed; reconnect");
      }
    } catch (error) {
      if (!(error instanceof AuthenticationError)) return;
      socket.close(CloseCode.Unauthorized, `Unauthorized: ${error.message}`.slice(0, 120));
    }
  }

  const stopListening = opts.access.onChange((change: AccessChange) => {
    const sockets = new Set<WatchedSocket>();
    for (const s of (change.userId && byUser.get(change.userId)) || []) sockets.add(s);
    for (const s of (change.tenantId && byTenant.get(change.tenantId)) || []) sockets.add(s);
    for (const socket of sockets) void recheck(socket);
  });

  return {
    /** Starts watching a socket; the returned function stops (call it when the socket closes). */
    watch(socket: WatchedSocket): () => void {
      const { identity } = socket;
      const userId = identity.kind === "user" ? identity.userId : null;
      const tenantId = identity.kind === "user" || identity.kind === "apiClient" ? identity.tenantId : null;
      const unindex = [index(byUser, userId, socket), index(byTenant, tenantId, socket)];
      // Sockets opened together (a dashboard's viewers after a deploy) would be re-checked together every
      // TTL: a thousand verifications and membership reads in one burst, delaying every delivery. Each
      // socket's sweep runs at its own random phase instead, and reads identity afresh (not a cached
      // answer up to a TTL old), so a lost notice still costs at most one TTL.
      const sweepOnce = () => {
        if (identity.kind === "user") {
          const { userId: user, tenantId: tenant, sessionId } = identity;
          opts.access.expire({ userId: user, tenantId: tenant, sessionId });
        }
        void recheck(socket);
      };
      let sweep: NodeJS.Timeout = setTimeout(() => {
        sweepOnce();
        sweep = setInterval(sweepOnce, ACCESS_CACHE_TTL_MS);
        sweep.unref();
      }, Math.random() * ACCESS_CACHE_TTL_MS);
      sweep.unref();
      const expiresAt = credentialExpiry(socket.credential);
      const expiry =
        expiresAt === null
          ? undefined
          : setTimeout(
              () =>
                socket.close(CloseCode.Unauthorized, "Unauthorized: access token expired; reconnect with a fresh one"),
              Math.min(Math.max(0, expiresAt - Date.now()), MAX_TIMER_MS),
            );
      expiry?.unref();
      return () => {
        for (const stop of unindex) stop();
        // Node's clearTimeout clears an interval too: the sweep is one or the other.
        clearTimeout(sweep);
        if (expiry) clearTimeout(expiry);
      };
    },
    close: stopListening,
  };
}

export type SocketAccessWatch = ReturnType<typeof createSocketAccessWatch>;
