import pg from "pg";

/**
 * What a failover or a pooler restart does: ends every connection to the test's database
 * (`pg_terminate_backend`), from a connection of its own. Returns how many it ended.
 */
export async function terminateDatabaseBackends(databaseUrl: string): Promise<number> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  admin.on("error", () => {});
  await admin.connect();
  try {
    const { rows } = await admin.query<{ ended: number }>(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS ended
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows[0]!.ended;
  } finally {
    await admin.end();
  }
}
