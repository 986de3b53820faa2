import { requireReader } from "@atelier/subgraph-kit";
import { createRunStore } from "../data/run-store";
import type { WorkflowScope } from "../scope";

/** creative's Workspace entity as this subgraph sees it: only its key. */
export interface WorkspaceRef {
  id: string;
}

export interface WorkspaceAnalytics {
  executionsTotal: number;
  succeeded: number;
  failed: number;
  averageDurationMs: number | null;
  uniqueUsers: number;
  lastExecutionAt: Date | null;
}

/** Execution figures of a workspace's runs, computed live from the runs of the tenant. */
export async function workspaceAnalytics(scope: WorkflowScope, workspaceId: string): Promise<WorkspaceAnalytics> {
  requireReader(scope.actor, "workflows");
  const row = await scope.read((tx) => createRunStore(tx).workspaceFigures(workspaceId));
  return {
    executionsTotal: Number(row?.total ?? 0),
    succeeded: Number(row?.succeeded ?? 0),
    failed: Number(row?.failed ?? 0),
    averageDurationMs: row?.avg ?? null,
    uniqueUsers: Number(row?.users ?? 0),
    lastExecutionAt: row?.last ?? null,
  };
}
