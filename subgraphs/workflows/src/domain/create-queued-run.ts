import { randomUUID } from "node:crypto";
import type { ScopedWriteTx } from "@atelier/db";
import type { StreamEventNotice } from "@atelier/live-events";
import type { RawDb } from "../data/db";
import { enqueueRunAdvance } from "../engine/enqueue-run";
import { runTopic, workspaceTopic } from "../engine/run-events";
import type { WorkflowRun } from "../generated/prisma/client";
import type { WorkflowServices } from "../services";

export interface NewRun {
  workflow: { id: string; workspaceId: string };
  input: unknown;
  /** The user who started the run (directly or by moving a card): the run's gateway calls act as them. */
  startedById: string | null;
  idempotencyKey?: string | null;
  filesUsed?: unknown;
  triggerCardId?: string | null;
}

// The run and the first event of its brand-new stream (sequence 1: no one else can know the
// id before commit) in one statement.
const INSERT_RUN = `
WITH run AS (
  INSERT INTO workflows."WorkflowRun"
    (id, "tenantId", "workspaceId", "workflowId", input, "idempotencyKey", "filesUsed", "startedById", "triggerCardId", "updatedAt")
  VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::jsonb, $6, $7::jsonb, $8::uuid, $9::uuid, now())
  RETURNING *
), event AS (
  INSERT INTO workflows.stream_events (stream_id, sequence, tenant_id, type, payload, topics, feed)
  SELECT id::text, 1, "tenantId", 'QUEUED', '{"status":"QUEUED","stepKey":null}'::jsonb, $10::text[], $11 FROM run
  RETURNING 1
)
SELECT id, "tenantId", "workspaceId", "workflowId", status::text AS status, input, output, error, "currentStep",
       "retryCount", "idempotencyKey", "startedById", "triggerCardId", "filesUsed", "createdAt", "startedAt",
       "finishedAt", "durationMs", "updatedAt"
  FROM run`;

/** Inserts a QUEUED run, its event and its first job, in the caller's transaction. */
export async function createQueuedRun(
  services: Pick<WorkflowServices, "queue" | "config">,
  tx: ScopedWriteTx<RawDb, StreamEventNotice>,
  fields: NewRun,
): Promise<WorkflowRun> {
  const id = randomUUID();
  const topics = [runTopic(id), workspaceTopic(fields.workflow.workspaceId)];
  const [run] = await tx.db.$queryRawUnsafe<WorkflowRun[]>(
    INSERT_RUN,
    id,
    tx.tenantId,
    fields.workflow.workspaceId,
    fields.workflow.id,
    JSON.stringify(fields.input ?? null),
    fields.idempotencyKey ?? null,
    JSON.stringify(fields.filesUsed ?? []),
    fields.startedById,
    fields.triggerCardId ?? null,
    topics,
    workspaceTopic(fields.workflow.workspaceId),
  );
  tx.publish({ tenantId: tx.tenantId, topics, streamId: id, sequence: 1 });
  await enqueueRunAdvance(services, tx.db, { runId: id, tenantId: tx.tenantId });
  return run!;
}
