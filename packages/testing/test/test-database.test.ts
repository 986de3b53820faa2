import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase, postgresServer } from "../src";

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("createTestDatabase", () => {
  it("gives each caller its own migrated database and drops it", async () => {
    const server = await postgresServer();
    console.info(`test databases on ${server.kind} PostgreSQL`);
    const [a, b] = await Promise.all([createTestDatabase("audit"), createTestDatabase("audit")]);
    expect(a.name).not.toBe(b.name);
    await query(
      a.url,
      "INSERT INTO audit.audit_events (actor_type, action, resource_type, resource_id) VALUES ('SYSTEM','x.y','x','1')",
    );
    expect(await query(a.url, "SELECT count(*)::int AS n FROM audit.audit_events")).toEqual([{ n: 1 }]);
    expect(await query(b.url, "SELECT count(*)::int AS n FROM audit.audit_events")).toEqual([{ n: 0 }]);
    await Promise.all([a.drop(), b.drop()]);
    const left = await query(
      server.adminUrl,
      `SELECT datname FROM pg_database WHERE datname IN ('${a.name}','${b.name}')`,
    );
    expect(left).toEqual([]);
  });

  it("keeps audit events append-only", async () => {
    const db = await createTestDatabase("audit");
    try {
      await query(
        db.url,
        "INSERT INTO audit.audit_events (actor_type, action, resource_type, resource_id) VALUES ('SYSTEM','x.y','x','1')",
      );
      await expect(query(db.url, "UPDATE audit.audit_events SET action = 'z'")).rejects.toThrow(/append-only/);
      await expect(query(db.url, "DELETE FROM audit.audit_events")).rejects.toThrow(/append-only/);
    } finally {
      await db.drop();
    }
  });
});
