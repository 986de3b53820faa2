import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { type AttackLog, count, leak } from "../support/attack-log";
import { decodePart, jwt, tampered } from "../support/forge";
import { post } from "../support/http";
import type { SeededTenant } from "../support/seed-tenants";

const CLASS = "token forgeries";
const PROBE = "{ me { id email } workspaces(first: 5) { edges { node { id name } } } }";

/**
 * Tokens no one issued, presented at the gateway: unsigned (alg none), signed by another key,
 * genuine but expired, tampered claims under the original signature, and delegation tokens (a
 * service's) signed by a key no service holds. A leak: any data for the probe's fields.
 */
export async function attackTokens(
  url: string,
  keys: { privateKey: KeyObject },
  attacker: SeededTenant,
  log: AttackLog,
): Promise<void> {
  const real = attacker.tokens.VIEWER;
  const header = decodePart(real, 0);
  const claims = decodePart(real, 1);
  const now = Math.floor(Date.now() / 1000);
  const stranger = generateKeyPairSync("ed25519").privateKey;
  const forgeries: [string, string][] = [
    ["alg none", jwt({ ...header, alg: "none" }, claims)],
    ["alg none, no kid", jwt({ alg: "none", typ: "JWT" }, claims)],
    ["signed by another key", jwt(header, claims, stranger)],
    ["alg switched to HS256", jwt({ ...header, alg: "HS256" }, claims, stranger)],
    ["genuine but expired", jwt(header, { ...claims, iat: now - 7200, exp: now - 3600 }, keys.privateKey)],
    ["tampered: role raised to OWNER", tampered(real, { role: "OWNER" })],
    [
      "tampered: another tenant",
      tampered(real, { tid: attacker.tenantId, tenantId: attacker.tenantId, role: "OWNER" }),
    ],
    ["tampered: expiry extended", tampered(real, { exp: now + 86_400 })],
    ["wrong audience", jwt(header, { ...claims, aud: "someone-else" }, keys.privateKey)],
    ["wrong issuer", jwt(header, { ...claims, iss: "https://evil.test" }, keys.privateKey)],
    [
      "delegation signed by an unknown key",
      jwt(
        { alg: "EdDSA", typ: "delegation+jwt" },
        {
          iss: "workflows",
          aud: "atelier-gateway",
          sub: claims.sub,
          actor: { kind: "user", userId: claims.sub, tenantId: attacker.tenantId },
          fields: ["Query.me", "Query.workspaces"],
          iat: now,
          exp: now + 60,
        },
        stranger,
      ),
    ],
    ["garbage", "not.a.jwt"],
  ];
  for (const [name, token] of forgeries) {
    count(log, CLASS);
    const { body } = await post(url, { query: PROBE }, { authorization: `Bearer ${token}` });
    const data = body?.data as { me?: unknown; workspaces?: unknown } | null | undefined;
    if (data?.me || data?.workspaces) leak(log, CLASS, `${name}: answered ${JSON.stringify(data).slice(0, 120)}`);
  }
}
