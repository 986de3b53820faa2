import {
  BadUserInputError,
  decodeCursor,
  encodeCursor,
  type PageArgs,
  pageSize,
  prismaKeysetPage,
  toConnection,
} from "@atelier/subgraph-kit";
import type { BusinessArea, RunStatus } from "../generated/prisma/client";
import type { ReadTx } from "../scope";

/** Templates the tenant sees: the system catalog and its own. */
export function listTemplates(
  { db, tenantId }: ReadTx,
  args: PageArgs & { businessArea?: BusinessArea | null; includeInactive?: boolean | null },
) {
  return prismaKeysetPage(db, { table: `workflows."WorkflowTemplate"`, direction: "asc" }, args, (page) =>
    db.workflowTemplate.findMany({
      where: {
        OR: [{ tenantId: null }, { tenantId }],
        ...(args.businessArea ? { businessArea: args.businessArea } : {}),
        ...(args.includeInactive ? {} : { isActive: true }),
      },
      ...page,
    }),
  );
}

export function listWorkflows({ db, tenantId }: ReadTx, args: PageArgs & { workspaceId?: string | null }) {
  return prismaKeysetPage(db, { table: `workflows."Workflow"`, direction: "asc", scope: { tenantId } }, args, (page) =>
    db.workflow.findMany({
      where: { tenantId, ...(args.workspaceId ? { workspaceId: args.workspaceId } : {}) },
      ...page,
    }),
  );
}

/** Newest first. */
export function listRuns(
  { db, tenantId }: ReadTx,
  args: PageArgs & { workflowId?: string | null; workspaceId?: string | null; status?: RunStatus | null },
) {
  return prismaKeysetPage(
    db,
    { table: `workflows."WorkflowRun"`, direction: "desc", scope: { tenantId } },
    args,
    (page) =>
      db.workflowRun.findMany({
        where: {
          tenantId,
          ...(args.workflowId ? { workflowId: args.workflowId } : {}),
          ...(args.workspaceId ? { workspaceId: args.workspaceId } : {}),
          ...(args.status ? { status: args.status } : {}),
        },
        ...page,
      }),
  );
}

export function listBoards({ db, tenantId }: ReadTx, args: PageArgs & { workspaceId: string }) {
  return prismaKeysetPage(
    db,
    { table: `workflows."KanbanBoard"`, direction: "asc", scope: { tenantId } },
    args,
    (page) => db.kanbanBoard.findMany({ where: { tenantId, workspaceId: args.workspaceId }, ...page }),
  );
}

/** A run's log lines, oldest first; the cursor is the line's numeric id. */
export async function listRunLogs({ db, tenantId }: ReadTx, runId: string, args: PageArgs) {
  const take = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after, 1)[0]! : null;
  if (after !== null && !/^\d{1,19}$/.test(after)) throw new BadUserInputError("after: not a cursor of this list");
  const rows = await db.runLog.findMany({
    where: { tenantId, runId, ...(after ? { id: { gt: BigInt(after) } } : {}) },
    orderBy: { id: "asc" },
    take: take + 1,
  });
  const connection = toConnection(rows, take, (row) => encodeCursor([String(row.id)]));
  return {
    ...connection,
    edges: connection.edges.map(({ cursor, node }) => ({
      cursor,
      node: { level: node.level, message: node.message, data: node.data, at: node.createdAt },
    })),
  };
}
