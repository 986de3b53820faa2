import type PgBoss from "pg-boss";

/** Errors of a concurrent start (a service and its workers on a fresh schema): retried, not fatal. */
const RACE_CODES = new Set(["40P01", "40001", "XX000", "23505", "42P07", "42710"]);
const ATTEMPTS = 5;

function isStartRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && RACE_CODES.has(code);
}

/**
 * Creates the missing queues and grants the enqueue role, retrying what processes starting at
 * the same moment do to each other (deadlocks between pg-boss's partition creations,
 * "tuple concurrently updated" between GRANTs, a queue another process just created).
 */
export async function prepareQueues(
  boss: PgBoss,
  opts: { schema: string; queues: string[]; enqueueRole?: string },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const existing = new Set((await boss.getQueues()).map((q) => q.name));
      for (const name of opts.queues) if (!existing.has(name)) await boss.createQueue(name);
      if (opts.enqueueRole) await grantEnqueue(boss, opts.schema, opts.enqueueRole);
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS || !isStartRace(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

async function grantEnqueue(boss: PgBoss, schemaName: string, roleName: string): Promise<void> {
  const role = `"${roleName.replaceAll('"', '""')}"`;
  const schema = `"${schemaName.replaceAll('"', '""')}"`;
  // One transaction under an advisory lock, so this service's own processes do not race here.
  await boss.getDb().executeSql(
    `DO $$ BEGIN
       PERFORM pg_advisory_xact_lock(hashtext('atelier-job-queue-grants'));
       GRANT USAGE ON SCHEMA ${schema} TO ${role};
       GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA ${schema} TO ${role};
       GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role};
     END $$`,
    [],
  );
}
