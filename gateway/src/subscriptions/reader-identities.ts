import type { Identity } from "@atelier/internal-auth";
import { audienceKey } from "./audience";

/** What a catch-up read needs of its reader's identity. */
export interface ReaderIdentity {
  /** Readers alike in tenant, role and scopes share this key. */
  group: string;
  /** The identity as a key: one per viewer. */
  viewer: string;
  identity: Identity;
}

/**
 * A subscription reads with one identity object for its socket's life: its keys are written once,
 * not for every page. Nothing is signed here: a reader whose reads are all shared, or read with
 * other viewers in one per-viewer request, never needs a token of its own.
 */
export function createReaderIdentities() {
  const held = new WeakMap<Identity, ReaderIdentity>();
  return (identity: Identity): ReaderIdentity => {
    let entry = held.get(identity);
    if (!entry) {
      entry = { group: audienceKey(identity, "tenant-role"), viewer: JSON.stringify(identity), identity };
      held.set(identity, entry);
    }
    return entry;
  };
}
