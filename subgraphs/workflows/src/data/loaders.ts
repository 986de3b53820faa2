import DataLoader from "dataloader";
import type { ReadTx, WorkflowScope } from "../scope";

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
 * Batching loaders of one request, each batch read in the caller's tenant scope (built on first
 * use, so a caller who is no tenant member is refused there): build them per request, never share them.
 */
export function createLoaders(scopeOf: () => WorkflowScope) {
  const batch = <T>(load: (tx: ReadTx, ids: string[]) => Promise<T[]>) =>
    new DataLoader((ids: readonly string[]) => scopeOf().read((tx) => load(tx, [...ids])));
  return {
    workflow: batch(({ db, tenantId }, ids) =>
      db.workflow.findMany({ where: { tenantId, id: { in: ids } } }).then((rows) => byId(rows, ids)),
    ),
    template: batch(({ db, tenantId }, ids) =>
      db.workflowTemplate
        .findMany({ where: { id: { in: ids }, OR: [{ tenantId: null }, { tenantId }] } })
        .then((rows) => byId(rows, ids)),
    ),
    run: batch(({ db, tenantId }, ids) =>
      db.workflowRun.findMany({ where: { tenantId, id: { in: ids } } }).then((rows) => byId(rows, ids)),
    ),
    stepsByWorkflow: batch(({ db, tenantId }, ids) =>
      db.workflowStep
        .findMany({ where: { tenantId, workflowId: { in: ids } }, orderBy: { position: "asc" } })
        .then((rows) => groupBy(rows, "workflowId", ids)),
    ),
    stepRunsByRun: batch(({ db, tenantId }, ids) =>
      db.stepRun
        .findMany({ where: { tenantId, runId: { in: ids } }, orderBy: { position: "asc" } })
        .then((rows) => groupBy(rows, "runId", ids)),
    ),
    stage: batch(({ db, tenantId }, ids) =>
      db.kanbanStage.findMany({ where: { tenantId, id: { in: ids } } }).then((rows) => byId(rows, ids)),
    ),
    card: batch(({ db, tenantId }, ids) =>
      db.kanbanCard.findMany({ where: { tenantId, id: { in: ids } } }).then((rows) => byId(rows, ids)),
    ),
    stagesByBoard: batch(({ db, tenantId }, ids) =>
      db.kanbanStage
        .findMany({ where: { tenantId, boardId: { in: ids } }, orderBy: { position: "asc" } })
        .then((rows) => groupBy(rows, "boardId", ids)),
    ),
    cardsByStage: batch(({ db, tenantId }, ids) =>
      db.kanbanCard
        .findMany({ where: { tenantId, stageId: { in: ids } }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] })
        .then((rows) => groupBy(rows, "stageId", ids)),
    ),
    triggersByStage: batch(({ db, tenantId }, ids) =>
      db.stageTrigger
        .findMany({ where: { tenantId, stageId: { in: ids } }, orderBy: { createdAt: "asc" } })
        .then((rows) => groupBy(rows, "stageId", ids)),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
