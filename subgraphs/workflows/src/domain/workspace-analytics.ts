import type { ReadTx } from "../scope";

export interface WorkspaceAnalytics {
  executionsTotal: number;
  succeeded: number;
  failed: number;
  averageDurationMs: number | null;
  uniqueUsers: number;
  lastExecutionAt: Date | null;
}

/** Execution figures of a workspace's runs, computed live from the runs of the tenant. */
export async function workspaceAnalytics({ db, tenantId }: ReadTx, workspaceId: string): Promise<WorkspaceAnalytics> {
  const [row] = await db.$queryRaw<
    { total: bigint; succeeded: bigint; failed: bigint; avg: number | null; users: bigint; last: Date | null }[]
  >`
    SELECT count(*) AS total,
           count(*) FILTER (WHERE status = 'SUCCEEDED') AS succeeded,
           count(*) FILTER (WHERE status = 'FAILED') AS failed,
           avg("durationMs") FILTER (WHERE "finishedAt" IS NOT NULL)::float8 AS avg,
           count(DISTINCT "startedById") AS users,
           max("createdAt") AS last
      FROM workflows."WorkflowRun"
     WHERE "tenantId" = ${tenantId}::uuid AND "workspaceId" = ${workspaceId}::uuid`;
  return {
    executionsTotal: Number(row?.total ?? 0),
    succeeded: Number(row?.succeeded ?? 0),
    failed: Number(row?.failed ?? 0),
    averageDurationMs: row?.avg ?? null,
    uniqueUsers: Number(row?.users ?? 0),
    lastExecutionAt: row?.last ?? null,
  };
}
