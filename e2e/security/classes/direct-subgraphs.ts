import { createHash, generateKeyPairSync } from "node:crypto";
import { IDENTITY_HEADER, PER_VIEWER_HEADER } from "@atelier/internal-auth";
import { type AttackLog, count, leak } from "../support/attack-log";
import { jwt } from "../support/forge";
import { post } from "../support/http";

const CLASS = "direct subgraph calls";
const PROBE = "{ _service { sdl } }";

/**
 * Each subgraph called straight, past the gateway: with no identity, with an identity signed by a
 * key that is not the gateway's, unsigned, and with a user's access token instead; and as a
 * per-viewer request (one read for many viewers) with a viewer list signed by a stranger, unsigned,
 * or empty. A leak: any data.
 */
export async function attackDirectSubgraphs(urls: Record<string, string>, log: AttackLog): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const stranger = generateKeyPairSync("ed25519").privateKey;
  const claims = {
    iss: "atelier-gateway",
    aud: "atelier-subgraphs",
    identity: { kind: "system" },
    iat: now,
    exp: now + 60,
  };
  const attempts: [string, Record<string, string>][] = [
    ["no identity", {}],
    ["identity signed by another key", { [IDENTITY_HEADER]: jwt({ alg: "EdDSA", typ: "JWT" }, claims, stranger) }],
    ["unsigned identity (alg none)", { [IDENTITY_HEADER]: jwt({ alg: "none" }, claims) }],
    ["garbage identity", { [IDENTITY_HEADER]: "x" }],
    ["an access token as bearer", { authorization: `Bearer ${jwt({ alg: "EdDSA" }, { sub: "x" }, stranger)}` }],
  ];
  const identities = JSON.stringify([{ kind: "system" }]);
  const viewerClaims = {
    ...claims,
    aud: "atelier-subgraph",
    idns: createHash("sha256").update(identities).digest("base64url"),
  };
  const perViewer: [string, unknown][] = [
    ["viewers signed by another key", { identities, token: jwt({ alg: "EdDSA", typ: "JWT" }, viewerClaims, stranger) }],
    ["unsigned viewers (alg none)", { identities, token: jwt({ alg: "none" }, viewerClaims) }],
    ["no viewers", { identities: "[]", token: "" }],
  ];
  for (const [subgraph, url] of Object.entries(urls)) {
    for (const [name, viewers] of perViewer) {
      count(log, CLASS);
      const { status, body } = await post(url, { viewers, request: { query: PROBE } }, { [PER_VIEWER_HEADER]: "1" });
      const results = (body as { results?: { data?: Record<string, unknown> }[] } | undefined)?.results ?? [];
      if (results.some((r) => r.data && Object.values(r.data).some((v) => v != null))) {
        leak(log, CLASS, `${subgraph} per-viewer request with ${name}: HTTP ${status} answered data`);
      }
    }
    for (const [name, headers] of attempts) {
      count(log, CLASS);
      const { status, body } = await post(url, { query: PROBE }, headers);
      if (body?.data && Object.values(body.data).some((v) => v != null)) {
        leak(log, CLASS, `${subgraph} with ${name}: HTTP ${status} answered data`);
      }
    }
  }
}
