import { createInternalTokenVerifier, IDENTITY_HEADER } from "@atelier/internal-auth";
import { listen, readJson } from "./http-server";

/**
 * Stands in for the identity subgraph's internal endpoints (written elsewhere) with the
 * contract the gateway relies on: API-key verification and OIDC subject resolution.
 */
export async function startIdentityInternalStub(opts: {
  gatewayPublicKey: string;
  apiKeys: Record<string, { apiClientId: string; tenantId: string; scopes: string[] }>;
  oidcLinks?: Record<string, { userId: string; tenantId: string | null; role: string | null }>;
}) {
  const verifier = createInternalTokenVerifier({ publicKey: opts.gatewayPublicKey });
  let calls = 0;
  const server = await listen(async (req, res) => {
    calls++;
    try {
      const caller = await verifier.verify(req.headers[IDENTITY_HEADER] as string | undefined);
      if (caller.kind !== "system") throw new Error("not the gateway");
    } catch {
      return void res.writeHead(401).end();
    }
    const body = (await readJson(req)) as Record<string, unknown>;
    const answer =
      req.url === "/internal/api-keys/verify"
        ? opts.apiKeys[String(body.apiKey)]
        : req.url === "/internal/oidc/resolve"
          ? opts.oidcLinks?.[`${body.issuer}|${body.subject}`]
          : undefined;
    if (!answer) return void res.writeHead(401).end();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
  return { url: server.url, calls: () => calls, close: () => server.close() };
}
