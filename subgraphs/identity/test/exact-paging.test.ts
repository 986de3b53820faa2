import { describe, expect } from "vitest";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { signUpAccount } from "./support/accounts";

let h: IdentitySubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

const TEAMS = `query($after: String) { teams(first: 3, after: $after) {
  edges { node { id } } pageInfo { hasNextPage endCursor } } }`;

describe("identity connections over rows created within one millisecond", () => {
  test("pages the tenant's teams exactly, past a deleted cursor row", async () => {
    const owner = await signUpAccount(h);
    const ids: string[] = [];
    for (let n = 0; n < 11; n++) {
      const res = await h
        .as(owner.identity)
        .gql(`mutation($n: String!) { createTeam(input: { name: $n }) { team { id } } }`, { n: `T${n}` });
      ids.push(res.data!.createTeam.team.id);
    }
    await h.sql.query(
      `UPDATE identity.teams SET "createdAt" = '2026-01-01T00:00:00.123Z'::timestamptz
         + (floor(random() * 6) * 53) * interval '1 microsecond' WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const { rows } = await h.sql.query(
      `SELECT id FROM identity.teams WHERE id = ANY($1::uuid[]) ORDER BY "createdAt", id`,
      [ids],
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res = await h.as(owner.identity).gql(TEAMS, { after });
      const conn = res.data!.teams;
      seen.push(...conn.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
      if (page === 1) await h.sql.query(`DELETE FROM identity.teams WHERE id = $1`, [seen.at(-1)]);
    }
    expect(seen).toEqual(rows.map((r) => r.id));
  });
});
