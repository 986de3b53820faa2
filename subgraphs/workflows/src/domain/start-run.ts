import { isUniqueViolation } from "@atelier/db";
import { ConflictError, NotFoundError } from "@atelier/subgraph-kit";
import { assertMatchesSchema } from "../json-schema/validator";
import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { createQueuedRun } from "./create-queued-run";
import { inRawTenantTransaction } from "./tenant-transaction";

export interface StartRunInput {
  workflowId: string;
  input?: unknown;
  idempotencyKey?: string | null;
  filesUsed?: unknown;
}

/**
 * Starts a run of an active workflow after checking the input against its schema. A known
 * idempotency key returns the run it started, even when two requests race.
 */
export async function startRun(services: WorkflowServices, actor: Actor, input: StartRunInput) {
  const existing = () =>
    input.idempotencyKey
      ? services.db.workflowRun.findUnique({
          where: { tenantId_idempotencyKey: { tenantId: actor.tenantId, idempotencyKey: input.idempotencyKey } },
        })
      : null;
  const previous = await existing();
  if (previous) return sameWorkflow(previous, input.workflowId);
  try {
    return await inRawTenantTransaction(services, actor.tenantId, async (tx, notices) => {
      const [workflow] = await tx.$queryRaw<
        { id: string; workspaceId: string; status: string; inputSchema: unknown }[]
      >`
        SELECT id, "workspaceId", status::text AS status, "inputSchema" FROM workflows."Workflow"
         WHERE id = ${input.workflowId}::uuid AND "tenantId" = ${actor.tenantId}::uuid`;
      if (!workflow) throw new NotFoundError("No such workflow.");
      if (workflow.status !== "ACTIVE")
        throw new ConflictError("This workflow is archived; reactivate it to start runs.");
      assertMatchesSchema(workflow.inputSchema, input.input, "input");
      const run = await createQueuedRun(services, tx, notices, actor, {
        workflow,
        input: input.input,
        idempotencyKey: input.idempotencyKey,
        filesUsed: input.filesUsed,
      });
      await audit(tx, actor, "workflowRun.start", { type: "WorkflowRun", id: run.id }, { workflowId: workflow.id });
      return run;
    });
  } catch (error) {
    const raced = isUniqueViolation(error) ? await existing() : null;
    if (raced) return sameWorkflow(raced, input.workflowId);
    throw error;
  }
}

function sameWorkflow<R extends { workflowId: string }>(run: R, workflowId: string): R {
  if (run.workflowId !== workflowId) {
    throw new ConflictError("This idempotency key was already used to start a run of another workflow.");
  }
  return run;
}
