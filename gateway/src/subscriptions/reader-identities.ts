import type { Identity, InternalTokenSigner } from "@atelier/internal-auth";
import { audienceKey } from "./audience";

/** What a catch-up read needs of its reader's identity. */
export interface ReaderIdentity {
  /** Readers alike in tenant, role and scopes share this key. */
  group: string;
  /** The identity itself. */
  viewer: string;
  /** The gateway-signed identity for subgraphs. */
  token: Promise<string>;
}

interface Held {
  group: string;
  viewer: string;
  token?: Promise<string>;
  tokenUntil: number;
}

/**
 * A subscription reads with one identity object for its socket's life: its keys are written once and
 * its signed token held a while, not worked out again for every page. The signer renews a token at
 * half its lifetime; one held for a quarter more still has a quarter left when sent.
 */
export function createReaderIdentities(signer: InternalTokenSigner, ttlSeconds: number) {
  const held = new WeakMap<Identity, Held>();
  const holdMs = (ttlSeconds * 1000) / 4;
  return (identity: Identity): ReaderIdentity => {
    let entry = held.get(identity);
    if (!entry) {
      entry = { group: audienceKey(identity, "tenant-role"), viewer: JSON.stringify(identity), tokenUntil: 0 };
      held.set(identity, entry);
    }
    const now = Date.now();
    let token = entry.token;
    if (!token || now >= entry.tokenUntil) {
      const current = entry;
      const signing = signer.sign(identity);
      token = signing;
      current.token = signing;
      current.tokenUntil = now + holdMs;
      // A failed signing is tried again by the next read.
      signing.catch(() => {
        if (current.token === signing) current.tokenUntil = 0;
      });
    }
    return { group: entry.group, viewer: entry.viewer, token };
  };
}
