import DataLoader from "dataloader";
import type {
  KanbanCard,
  KanbanStage,
  StageTrigger,
  StepRun,
  Workflow,
  WorkflowRun,
  WorkflowStep,
  WorkflowTemplate,
} from "../generated/prisma/client";
import type { WorkflowScope } from "../scope";

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<T, K extends keyof T>(rows: T[], key: K, ids: readonly string[]): T[][] {
  const map = new Map<unknown, T[]>();
  for (const row of rows) map.set(row[key], [...(map.get(row[key]) ?? []), row]);
  return ids.map((id) => map.get(id) ?? []);
}

/**
 * Batching loaders of one request. Each batch is one statement read in the caller's tenant
 * scope (built on first use, so a caller who is no tenant member is refused there) in one round
 * trip (`scope.reads`). The tables' columns are Prisma's field names, so rows come back as
 * the Prisma models. Build them per request, never share them.
 */
export function createLoaders(scopeOf: () => WorkflowScope) {
  const select = <T>(sql: string, ids: readonly string[]) =>
    scopeOf().reads.read((tx) => tx.db.$queryRawUnsafe<T[]>(sql, tx.tenantId, [...ids]));
  const one = <T extends { id: string }>(table: string) =>
    new DataLoader((ids: readonly string[]) =>
      select<T>(`SELECT * FROM workflows."${table}" WHERE "tenantId" = $1::uuid AND id = ANY($2::uuid[])`, ids).then(
        (rows) => byId(rows, ids),
      ),
    );
  const many = <T>(table: string, key: keyof T & string, orderBy: string) =>
    new DataLoader((ids: readonly string[]) =>
      select<T>(
        `SELECT * FROM workflows."${table}" WHERE "tenantId" = $1::uuid AND "${key}" = ANY($2::uuid[]) ORDER BY ${orderBy}`,
        ids,
      ).then((rows) => groupBy(rows, key, ids)),
    );
  return {
    workflow: one<Workflow>("Workflow"),
    /** The system catalog's templates (no tenant) and the tenant's own. */
    template: new DataLoader((ids: readonly string[]) =>
      select<WorkflowTemplate>(
        `SELECT * FROM workflows."WorkflowTemplate" WHERE ("tenantId" IS NULL OR "tenantId" = $1::uuid) AND id = ANY($2::uuid[])`,
        ids,
      ).then((rows) => byId(rows, ids)),
    ),
    run: one<WorkflowRun>("WorkflowRun"),
    stepsByWorkflow: many<WorkflowStep>("WorkflowStep", "workflowId", "position"),
    stepRunsByRun: many<StepRun>("StepRun", "runId", "position"),
    stage: one<KanbanStage>("KanbanStage"),
    card: one<KanbanCard>("KanbanCard"),
    stagesByBoard: many<KanbanStage>("KanbanStage", "boardId", "position"),
    cardsByStage: many<KanbanCard>("KanbanCard", "stageId", `position, "createdAt"`),
    triggersByStage: many<StageTrigger>("StageTrigger", "stageId", `"createdAt"`),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
