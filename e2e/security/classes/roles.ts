import { createHash } from "node:crypto";
import { ok } from "../../test/support/client";
import { type AttackLog, count, inParallel, leak } from "../support/attack-log";
import { bearer, firstCode, post, succeeded } from "../support/http";
import { pickerFrom } from "../support/pick-ids";
import type { Role, SeededTenant } from "../support/seed-tenants";
import { type BuiltOperation, buildOperation, type RootField } from "../support/supergraph-operations";

const CLASS = "mutations by every role and API key";
const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, ADMIN: 2, OWNER: 3 };
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The role a mutation's description says it needs ("Needs ADMIN", "(EDITOR or higher)"), if any. */
export function requiredRole(description: string): Role | null {
  const match = /Needs (?:the )?(OWNER|ADMIN|EDITOR)|\((OWNER|ADMIN|EDITOR) or higher\)/.exec(description);
  return (match?.[1] ?? match?.[2] ?? null) as Role | null;
}

/** A partner's key allowed to run every generated mutation (published as a manifest), with `scopes`. */
async function apiKeyFor(url: string, owner: string, scopes: string[], app: string): Promise<string> {
  const created = await ok(
    url,
    `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { apiKey } }`,
    { i: { name: `attack ${app} ${scopes.length}`, scopes, allowedApps: [app] } },
    owner,
  );
  return created.createApiClient.apiKey as string;
}

/**
 * Every mutation, with the attacker tenant's own ids, by VIEWER, EDITOR and ADMIN members and by
 * API keys with no scope and with every scope. A leak: a member below the role the field's
 * description names got through; a key without scopes changed anything; a key administered the
 * tenant (a mutation needing ADMIN or OWNER). Anonymous-allowed mutations (sign-up, login) are
 * only counted.
 */
export async function attackRoles(url: string, fields: RootField[], attacker: SeededTenant, log: AttackLog) {
  const pick = pickerFrom(attacker.ids);
  const mutations = fields.filter((f) => f.kind === "mutation").map((f) => ({ f, op: buildOperation(f, pick) }));
  const manifest = Object.fromEntries(mutations.map(({ op }) => [sha256(op.document), op.document]));
  await ok(
    url,
    `mutation($i: PublishPersistedOperationsInput!) { publishPersistedOperations(input: $i) { version { id } } }`,
    { i: { app: "attack", version: "1", manifest } },
    attacker.tokens.OWNER,
  );
  const keys = {
    "API key without scopes": await apiKeyFor(url, attacker.tokens.OWNER, [], "attack"),
    "API key with every scope": await apiKeyFor(
      url,
      attacker.tokens.OWNER,
      ["identity:read", "creative:read", "creative:write", "knowledge:read", "knowledge:write", "workflows:read"],
      "attack",
    ),
  };
  const byKey = (key: string, op: BuiltOperation) =>
    post(
      url,
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(op.document) } }, variables: op.variables },
      { authorization: `ApiKey ${key}` },
    );
  await inParallel(mutations, 4, async ({ f, op }) => {
    const anonymous = await post(url, { query: op.document, variables: op.variables });
    count(log, CLASS);
    if (firstCode(anonymous.body) !== "UNAUTHENTICATED") return; // open to anyone (or refused for input first)
    const needed = requiredRole(f.description);
    for (const [name, key] of Object.entries(keys)) {
      const res = await byKey(key, op);
      count(log, CLASS, !["FORBIDDEN", "UNAUTHENTICATED"].includes(firstCode(res.body) ?? ""));
      const administers = needed === "ADMIN" || needed === "OWNER";
      if (succeeded(res.body, f.name) && (name.includes("without") || administers)) {
        leak(log, CLASS, `${f.name} by an ${name} succeeded`);
      }
    }
    for (const role of ["VIEWER", "EDITOR", "ADMIN"] as const) {
      const res = await post(url, { query: op.document, variables: op.variables }, bearer(attacker.tokens[role]));
      count(
        log,
        CLASS,
        !["FORBIDDEN", "UNAUTHENTICATED"].includes(firstCode(res.body) ?? "") && !succeeded(res.body, f.name),
      );
      if (needed && RANK[role] < RANK[needed] && succeeded(res.body, f.name)) {
        leak(log, CLASS, `${f.name} (needs ${needed}) succeeded for a ${role}`);
      }
    }
  });
}
