import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes, base64url: refresh tokens, e-mail and reset tokens, API-key secrets. */
export function generateOpaqueToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Opaque tokens carry 256 bits of entropy, so a plain SHA-256 is a sufficient stored form. */
export function hashOpaqueToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export function opaqueTokenMatches(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashOpaqueToken(token));
  const expected = Buffer.from(storedHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
