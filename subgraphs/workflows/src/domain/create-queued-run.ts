import { randomUUID } from "node:crypto";
import type { ScopedWriteTx } from "@atelier/db";
import type { StreamEventNotice } from "@atelier/live-events";
import type { RawDb } from "../data/db";
import { createRunProgressStore, type NewRun } from "../data/run-progress-store";
import { enqueueRunAdvance } from "../engine/enqueue-run";
import type { WorkflowRun } from "../generated/prisma/client";
import type { WorkflowServices } from "../services";

/** Inserts a QUEUED run, its event and its first job, in the caller's transaction. */
export async function createQueuedRun(
  services: Pick<WorkflowServices, "queue" | "config">,
  tx: ScopedWriteTx<RawDb, StreamEventNotice>,
  fields: NewRun,
): Promise<WorkflowRun> {
  const id = randomUUID();
  const run = await createRunProgressStore(tx).insertQueued(id, fields);
  await enqueueRunAdvance(services, tx.db, { runId: id, tenantId: tx.tenantId });
  return run;
}
