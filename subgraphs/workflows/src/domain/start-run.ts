import { isUniqueViolation } from "@atelier/db";
import { ConflictError, NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createRunStore } from "../data/run-store";
import { assertMatchesSchema } from "../json-schema/validator";
import type { WorkflowScope } from "../scope";
import { createQueuedRun } from "./create-queued-run";

export interface StartRunInput {
  workflowId: string;
  input?: unknown;
  idempotencyKey?: string | null;
  filesUsed?: unknown;
}

/**
 * Starts a run of an active workflow after checking the input against its schema. A known
 * idempotency key returns the run it started, even when two requests race. A hot path: it runs
 * on the scope's plain-SQL transactions.
 */
export async function startRun(scope: WorkflowScope, input: StartRunInput) {
  requireRole(scope.actor, "EDITOR");
  const key = input.idempotencyKey;
  const existing = () => (key ? scope.read((tx) => createRunStore(tx).findByIdempotencyKey(key)) : null);
  const previous = await existing();
  if (previous) return sameWorkflow(previous, input.workflowId);
  try {
    return await scope.sql.write(async (tx) => {
      const [workflow] = await tx.db.$queryRawUnsafe<
        { id: string; workspaceId: string; status: string; inputSchema: unknown }[]
      >(
        `SELECT id, "workspaceId", status::text AS status, "inputSchema" FROM workflows."Workflow"
          WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
        input.workflowId,
        tx.tenantId,
      );
      if (!workflow) throw new NotFoundError("No such workflow.");
      if (workflow.status !== "ACTIVE")
        throw new ConflictError("This workflow is archived; reactivate it to start runs.");
      assertMatchesSchema(workflow.inputSchema, input.input, "input");
      const run = await createQueuedRun(scope.services, tx, {
        workflow,
        input: input.input,
        startedById: scope.actor.userId,
        idempotencyKey: input.idempotencyKey,
        filesUsed: input.filesUsed,
      });
      tx.audit({
        action: "workflowRun.start",
        resourceType: "WorkflowRun",
        resourceId: run.id,
        changes: { workflowId: workflow.id },
      });
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
