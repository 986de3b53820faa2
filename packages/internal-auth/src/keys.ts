import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";

/** An Ed25519 key pair as PEM strings, for the gateway (private) and subgraphs (public). */
export function generateInternalKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** Accepts a PEM string (PKCS8) or a JWK JSON string. */
export function parsePrivateKey(key: string | KeyObject): KeyObject {
  if (typeof key !== "string") return key;
  const trimmed = key.trim();
  return trimmed.startsWith("{")
    ? createPrivateKey({ key: JSON.parse(trimmed), format: "jwk" })
    : createPrivateKey(trimmed);
}

/** Accepts a PEM string (SPKI) or a JWK JSON string. */
export function parsePublicKey(key: string | KeyObject): KeyObject {
  if (typeof key !== "string") return key;
  const trimmed = key.trim();
  return trimmed.startsWith("{")
    ? createPublicKey({ key: JSON.parse(trimmed), format: "jwk" })
    : createPublicKey(trimmed);
}

/** The services whose delegations the gateway is given keys for (see DELEGATION_PUBLIC_KEYS). */
export const DELEGATING_SERVICES = ["knowledge", "workflows", "creative"] as const;

type KeyPair = { privateKey: string; publicKey: string };

/** `DELEGATION_PUBLIC_KEYS` for the gateway, from each delegating service's key pair. */
export function delegationPublicKeysJson(pairs: Record<string, KeyPair>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(pairs).map(([service, pair]) => [service, pair.publicKey])));
}

/** A fresh key pair per delegating service (keeping any given). */
export function delegationKeyPairs(existing: Partial<Record<string, KeyPair>> = {}): Record<string, KeyPair> {
  return Object.fromEntries(DELEGATING_SERVICES.map((s) => [s, existing[s] ?? generateInternalKeyPair()]));
}
