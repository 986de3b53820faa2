import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

/**
 * Stands in for identity's JWKS endpoint so the bench can sign a user access token, and for its
 * current-access endpoint, where the bench user is an ADMIN of the bench tenant with a live session.
 */
export async function startBenchIssuer(): Promise<{
  jwksUrl: string;
  baseUrl: string;
  sign(): Promise<string>;
  close(): void;
}> {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: "bench", alg: "EdDSA", use: "sig" };
  const server = createServer((req, res) => {
    if (req.url === "/internal/access/resolve") {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const { subjects } = JSON.parse(Buffer.concat(chunks).toString()) as { subjects: unknown[] };
        const results = subjects.map(() => ({ signedIn: true, role: "ADMIN" }));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ results }));
      });
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    baseUrl: `http://127.0.0.1:${port}`,
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
