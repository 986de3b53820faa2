import { createInternalTokenVerifier, IDENTITY_HEADER } from "@atelier/internal-auth";
import { listen, readJson } from "./http-server";

export interface StubOperation {
  id: string;
  document: string;
  tenantId: string;
  /** API clients whose apps include this operation. */
  apiClientIds: string[];
}

/**
 * Stands in for the identity subgraph's internal endpoints with the contract the gateway relies
 * on: API-key verification, OIDC subject resolution, persisted-operation lookup and usage intake.
 */
export async function startIdentityInternalStub(opts: {
  gatewayPublicKey: string;
  apiKeys: Record<string, { apiClientId: string; tenantId: string; scopes: string[] }>;
  oidcLinks?: Record<string, { userId: string; tenantId: string | null; role: string | null }>;
  operations?: StubOperation[];
  /** Approved memberships, `"<userId>:<tenantId>"` → role; the current-access answer reads them. */
  members?: Record<string, string>;
}) {
  const members = new Map(Object.entries(opts.members ?? {}));
  const endedSessions = new Set<string>();
  const currentAccess = (subject: { userId: string; tenantId: string | null; sessionId: string | null }) => ({
    signedIn: !(subject.sessionId && endedSessions.has(subject.sessionId)),
    role: subject.tenantId ? (members.get(`${subject.userId}:${subject.tenantId}`) ?? null) : null,
  });
  const verifier = createInternalTokenVerifier({ publicKey: opts.gatewayPublicKey });
  const operations = [...(opts.operations ?? [])];
  const usage: Record<string, unknown>[] = [];
  let calls = 0;

  function lookup(body: Record<string, unknown>) {
    const operation = operations.find((o) => o.id === body.id);
    if (!operation) return undefined;
    const allowed =
      typeof body.apiClientId === "string"
        ? operation.apiClientIds.includes(body.apiClientId)
        : operation.tenantId === body.tenantId;
    return { document: operation.document, operationName: null, allowed };
  }

  const server = await listen(async (req, res) => {
    calls++;
    try {
      const caller = await verifier.verify(req.headers[IDENTITY_HEADER] as string | undefined);
      if (caller.kind !== "system") throw new Error("not the gateway");
    } catch {
      return void res.writeHead(401).end();
    }
    const body = (await readJson(req)) as Record<string, unknown>;
    if (req.url === "/internal/persisted-operations/usage") {
      usage.push(...(body.rows as Record<string, unknown>[]));
      return void res.writeHead(204).end();
    }
    const answer =
      req.url === "/internal/access/resolve"
        ? { results: (body.subjects as Parameters<typeof currentAccess>[0][]).map(currentAccess) }
        : req.url === "/internal/api-keys/verify"
          ? opts.apiKeys[String(body.apiKey)]
          : req.url === "/internal/oidc/resolve"
            ? opts.oidcLinks?.[`${body.issuer}|${body.subject}`]
            : req.url === "/internal/persisted-operations/lookup"
              ? lookup(body)
              : undefined;
    if (!answer) return void res.writeHead(req.url?.includes("persisted") ? 404 : 401).end();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
  return {
    url: server.url,
    calls: () => calls,
    usage,
    operations,
    /** Memberships and ended sessions as identity would hold them; change them to revoke or demote. */
    members,
    endedSessions,
    close: () => server.close(),
  };
}
