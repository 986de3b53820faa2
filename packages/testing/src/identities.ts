import { createInternalTokenSigner, generateInternalKeyPair, type Identity } from "@atelier/internal-auth";

let keys: { privateKey: string; publicKey: string } | undefined;

/** One Ed25519 pair per test process, standing in for the gateway's key. */
export function testKeys(): { privateKey: string; publicKey: string } {
  keys ??= generateInternalKeyPair();
  return keys;
}

/** The `x-atelier-identity` header value the gateway would send for `identity`. */
export function signIdentity(identity: Identity, privateKey: string = testKeys().privateKey): Promise<string> {
  return createInternalTokenSigner({ privateKey, ttlSeconds: 300 }).sign(identity);
}
