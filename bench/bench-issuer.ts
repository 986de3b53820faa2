import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

/** Stands in for identity's JWKS endpoint so the bench can sign a user access token. */
export async function startBenchIssuer(): Promise<{ jwksUrl: string; sign(): Promise<string>; close(): void }> {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: "bench", alg: "EdDSA", use: "sig" };
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    sign: () =>
      new SignJWT({ sub: "bench-user", tid: "bench-tenant", role: "ADMIN", sid: "bench-session" })
        .setProtectedHeader({ alg: "EdDSA", kid: "bench" })
        .setIssuer("atelier-identity")
        .setAudience("atelier")
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(privateKey),
    close: () => server.close(),
  };
}
