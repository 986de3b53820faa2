import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client";

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<T, K extends keyof T>(rows: T[], key: K, ids: readonly string[]): T[][] {
  const map = new Map<unknown, T[]>();
  for (const row of rows) map.set(row[key], [...(map.get(row[key]) ?? []), row]);
  return ids.map((id) => map.get(id) ?? []);
}

/** Batching loaders bound to one tenant; build them per request, never share them. */
export function createLoaders(db: PrismaClient, tenantId: string) {
  return {
    workflow: new DataLoader((ids: readonly string[]) =>
      db.workflow.findMany({ where: { tenantId, id: { in: [...ids] } } }).then((rows) => byId(rows, ids)),
    ),
    template: new DataLoader((ids: readonly string[]) =>
      db.workflowTemplate
        .findMany({ where: { id: { in: [...ids] }, OR: [{ tenantId: null }, { tenantId }] } })
        .then((rows) => byId(rows, ids)),
    ),
    run: new DataLoader((ids: readonly string[]) =>
      db.workflowRun.findMany({ where: { tenantId, id: { in: [...ids] } } }).then((rows) => byId(rows, ids)),
    ),
    stepsByWorkflow: new DataLoader((ids: readonly string[]) =>
      db.workflowStep
        .findMany({ where: { tenantId, workflowId: { in: [...ids] } }, orderBy: { position: "asc" } })
        .then((rows) => groupBy(rows, "workflowId", ids)),
    ),
    stepRunsByRun: new DataLoader((ids: readonly string[]) =>
      db.stepRun
        .findMany({ where: { tenantId, runId: { in: [...ids] } }, orderBy: { position: "asc" } })
        .then((rows) => groupBy(rows, "runId", ids)),
    ),
    stage: new DataLoader((ids: readonly string[]) =>
      db.kanbanStage.findMany({ where: { tenantId, id: { in: [...ids] } } }).then((rows) => byId(rows, ids)),
    ),
    card: new DataLoader((ids: readonly string[]) =>
      db.kanbanCard.findMany({ where: { tenantId, id: { in: [...ids] } } }).then((rows) => byId(rows, ids)),
    ),
    stagesByBoard: new DataLoader((ids: readonly string[]) =>
      db.kanbanStage
        .findMany({ where: { tenantId, boardId: { in: [...ids] } }, orderBy: { position: "asc" } })
        .then((rows) => groupBy(rows, "boardId", ids)),
    ),
    cardsByStage: new DataLoader((ids: readonly string[]) =>
      db.kanbanCard
        .findMany({
          where: { tenantId, stageId: { in: [...ids] } },
          orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        })
        .then((rows) => groupBy(rows, "stageId", ids)),
    ),
    triggersByStage: new DataLoader((ids: readonly string[]) =>
      db.stageTrigger
        .findMany({ where: { tenantId, stageId: { in: [...ids] } }, orderBy: { createdAt: "asc" } })
        .then((rows) => groupBy(rows, "stageId", ids)),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
