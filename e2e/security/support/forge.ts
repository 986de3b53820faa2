import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The Ed25519 key identity signs access tokens with in the suite's stack, so a test can mint genuine ones. */
export function accessTokenKeys() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { privateKey, publicKey, privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

export function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[index]!, "base64url").toString("utf8"));
}

/** A compact JWS over `header` and `claims`: signed with `key` (EdDSA), or unsigned for alg "none". */
export function jwt(header: Record<string, unknown>, claims: Record<string, unknown>, key?: KeyObject): string {
  const input = `${b64url(header)}.${b64url(claims)}`;
  if (!key) return `${input}.`;
  return `${input}.${sign(null, Buffer.from(input), key).toString("base64url")}`;
}

/** Keeps a token's header and signature and swaps its claims: what a tamperer can do without the key. */
export function tampered(token: string, change: Record<string, unknown>): string {
  const [header, , signature] = token.split(".");
  return `${header}.${b64url({ ...decodePart(token, 1), ...change })}.${signature}`;
}
