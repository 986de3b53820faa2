import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

import { listen } from "./http-server";

/** A token issuer under the test's control: an Ed25519 key and a JWKS endpoint serving it. */
export async function startTestIssuer(issuer: string, audience: string) {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "EdDSA", use: "sig" };
  const server = await listen((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
  });

  return {
    issuer,
    audience,
    jwksUrl: `${server.url}/.well-known/jwks.json`,
    /** Signs a token; claims and header may be overridden to build bad tokens. */
    sign(claims: JWTPayload = {}, opts: { expiresIn?: string | number; key?: SigningKey } = {}) {
      return new SignJWT({ sub: "user-1", ...claims })
        .setProtectedHeader({ alg: "EdDSA", kid: "test-key" })
        .setIssuer((claims.iss as string | undefined) ?? issuer)
        .setAudience((claims.aud as string | undefined) ?? audience)
        .setIssuedAt()
        .setExpirationTime(opts.expiresIn ?? "5m")
        .sign(opts.key ?? privateKey);
    },
    close: () => server.close(),
  };
}

/** An unsecured JWT (`alg: none`), which must never be accepted. */
export function unsecuredToken(payload: JWTPayload): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(payload)}.`;
}
