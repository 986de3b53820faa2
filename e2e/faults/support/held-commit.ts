import { randomUUID } from "node:crypto";
import pg from "pg";

/**
 * A writer whose transaction stays open after appending its event (a slow request, a lock wait):
 * it appends a run event the way the workflows service does (the run's stream lock, the next
 * per-run sequence, the workspace feed), holds the transaction `holdMs`, commits, then publishes
 * the notice as the service does after commit. Returns when it committed (Date.now()).
 */
export async function appendWithHeldCommit(
  databaseUrl: string,
  run: { id: string; tenantId: string; workspaceId: string },
  holdMs: number,
): Promise<{ committedAt: number; stepKey: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  const stepKey = `held-${randomUUID().slice(0, 8)}`;
  const topics = [`workflowRunUpdated:${run.id}`, `workflowRunsUpdated:${run.workspaceId}`];
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [run.id]);
    const { rows } = await client.query<{ sequence: number }>(
      `INSERT INTO workflows.stream_events (stream_id, sequence, tenant_id, type, payload, topics, feed)
       SELECT $1, COALESCE(MAX(sequence), 0) + 1, $2::uuid, 'STEP_SUCCEEDED', $3::jsonb, $4::text[], $5
         FROM workflows.stream_events WHERE stream_id = $1
       RETURNING sequence`,
      [run.id, run.tenantId, JSON.stringify({ status: "SUCCEEDED", stepKey }), topics, topics[1]],
    );
    await new Promise((r) => setTimeout(r, holdMs));
    await client.query("COMMIT");
    const committedAt = Date.now();
    const notice = { tenantId: run.tenantId, topics, streamId: run.id, sequence: rows[0]!.sequence };
    await client.query("SELECT pg_notify('atelier_events', $1)", [JSON.stringify(notice)]);
    return { committedAt, stepKey };
  } finally {
    await client.end();
  }
}
