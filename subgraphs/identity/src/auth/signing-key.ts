import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { calculateJwkThumbprint, type JWK } from "jose";

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public JWK as published in the JWKS (kid, alg, use set). */
  publicJwk: JWK;
  kid: string;
  alg: "EdDSA";
}

function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  return trimmed.startsWith("{")
    ? createPrivateKey({ key: JSON.parse(trimmed), format: "jwk" })
    : createPrivateKey(trimmed);
}

/**
 * The access-token signing key: the configured Ed25519 key (PEM or JWK JSON), or a fresh one
 * when none is configured (development only; config.ts refuses that in production).
 */
export async function loadSigningKey(configured: string | null): Promise<{ key: SigningKey; ephemeral: boolean }> {
  const privateKey = configured ? parsePrivateKey(configured) : generateKeyPairSync("ed25519").privateKey;
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("ACCESS_TOKEN_PRIVATE_KEY must be an Ed25519 key");
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: "jwk" }) as JWK;
  const kid = await calculateJwkThumbprint(jwk, "sha256");
  return {
    key: { privateKey, publicKey, kid, alg: "EdDSA", publicJwk: { ...jwk, kid, alg: "EdDSA", use: "sig" } },
    ephemeral: !configured,
  };
}
