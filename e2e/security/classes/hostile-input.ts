import { type AttackLog, count, leak } from "../support/attack-log";
import { bearer, post } from "../support/http";
import type { SeededTenant } from "../support/seed-tenants";

const CLASS = "hostile input";

/** A body whose `metadata` nests `levels` deep, written as text (JSON.stringify itself would overflow). */
function deepJsonBody(query: string, workspaceId: string, levels: number): string {
  const metadata = `${'{"a":'.repeat(levels)}"bottom"${"}".repeat(levels)}`;
  return `{"query":${JSON.stringify(query)},"variables":{"i":{"workspaceId":"${workspaceId}","title":"d","mimeType":"text/plain","text":"x","metadata":${metadata}}}}`;
}

function deepQuery(levels: number): string {
  return `{ workspaces { edges { node { ${"projects { edges { node { workspace { ".repeat(levels)}id${" } } } }".repeat(levels)} } } } }`;
}

/**
 * Input meant to crash, stall or unmask: deep JSON, huge strings, deep and wide queries, bad
 * scalars, malformed bodies. A leak: a 5xx, an unmasked internal error (a stack, SQL, a path),
 * or a gateway that stops answering afterwards.
 */
export async function attackWithHostileInput(url: string, attacker: SeededTenant, log: AttackLog): Promise<void> {
  const auth = bearer(attacker.tokens.EDITOR);
  const workspaceId = attacker.ids.workspace!;
  const createDoc = `mutation($i: CreateDocumentInput!) { createDocument(input: $i) { document { id } } }`;
  const cases: [string, unknown][] = [
    ["deep JSON metadata", deepJsonBody(createDoc, workspaceId, 5_000)],
    [
      "a 3 MB string",
      {
        query: `mutation($n: String!) { createWorkspace(input: { name: $n }) { workspace { id } } }`,
        variables: { n: "x".repeat(3_000_000) },
      },
    ],
    ["a deep query", { query: deepQuery(40) }],
    [
      "a thousand aliases",
      {
        query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: workspaces { edges { node { id } } }`).join(" ")} }`,
      },
    ],
    [
      "a malformed ID",
      { query: `query($id: ID!) { workspace(id: $id) { id } }`, variables: { id: "'; DROP TABLE workspaces; --" } },
    ],
    [
      "a bad DateTime",
      {
        query: `query($f: DateTime!) { auditEvents(first: 1, filter: { from: $f }) { edges { node { id } } } }`,
        variables: { f: "yesterday" },
      },
    ],
    ["an Int out of range", { query: `{ workspaces(first: 9999999999) { edges { node { id } } } }` }],
    [
      "a bad e-mail",
      { query: `mutation { inviteMember(input: { email: "not-an-email", role: VIEWER }) { membership { id } } }` },
    ],
    [
      "a NUL in a string",
      {
        query: `mutation($n: String!) { createWorkspace(input: { name: $n }) { workspace { id } } }`,
        variables: { n: "a\u0000b" },
      },
    ],
    [
      "unicode overlong name",
      {
        query: `mutation($n: String!) { createTeam(input: { name: $n }) { team { id } } }`,
        variables: { n: "🙂".repeat(500) },
      },
    ],
    ["not JSON", "{ this is not json"],
    ["an array of 500 operations", Array.from({ length: 500 }, () => ({ query: "{ me { id } }" }))],
    ["variables as a string", { query: "{ me { id } }", variables: "[]" }],
    ["a fragment cycle", { query: "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }" }],
  ];
  for (const [name, body] of cases) {
    count(log, CLASS);
    let status: number;
    let text: string;
    try {
      ({ status, text } = await post(url, body, auth));
    } catch (error) {
      leak(log, CLASS, `${name}: the request failed (${(error as Error).message})`);
      continue;
    }
    if (status >= 500) leak(log, CLASS, `${name}: HTTP ${status} ${text.slice(0, 120)}`);
    else if (/\bat [\w.<>]+ \(|prisma|postgres|\/work\/|node_modules|SQLSTATE/i.test(text)) {
      leak(log, CLASS, `${name}: an internal detail reached the client: ${text.slice(0, 160)}`);
    }
  }
  count(log, CLASS);
  const after = await post(url, { query: "{ me { id } }" }, auth);
  if (after.status !== 200) leak(log, CLASS, `the gateway answers ${after.status} after the hostile input`);
}
