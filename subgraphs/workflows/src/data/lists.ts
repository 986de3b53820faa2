import {
  BadUserInputError,
  decodeCursor,
  encodeCursor,
  idCursor,
  NEWEST_FIRST,
  type PageArgs,
  pageSize,
  prismaPage,
  STABLE_ORDER,
  toConnection,
} from "@atelier/subgraph-kit";
import type { BusinessArea, RunStatus } from "../generated/prisma/client";
import type { Db } from "./db";

/** Templates the tenant sees: the system catalog and its own. */
export async function listTemplates(
  db: Db,
  tenantId: string,
  args: PageArgs & { businessArea?: BusinessArea | null; includeInactive?: boolean | null },
) {
  const { take, query } = prismaPage(args);
  const rows = await db.workflowTemplate.findMany({
    where: {
      OR: [{ tenantId: null }, { tenantId }],
      ...(args.businessArea ? { businessArea: args.businessArea } : {}),
      ...(args.includeInactive ? {} : { isActive: true }),
    },
    orderBy: STABLE_ORDER,
    ...query,
  });
  return toConnection(rows, take, idCursor);
}

export async function listWorkflows(db: Db, tenantId: string, args: PageArgs & { workspaceId?: string | null }) {
  const { take, query } = prismaPage(args);
  const rows = await db.workflow.findMany({
    where: { tenantId, ...(args.workspaceId ? { workspaceId: args.workspaceId } : {}) },
    orderBy: STABLE_ORDER,
    ...query,
  });
  return toConnection(rows, take, idCursor);
}

export async function listRuns(
  db: Db,
  tenantId: string,
  args: PageArgs & { workflowId?: string | null; workspaceId?: string | null; status?: RunStatus | null },
) {
  const { take, query } = prismaPage(args);
  const rows = await db.workflowRun.findMany({
    where: {
      tenantId,
      ...(args.workflowId ? { workflowId: args.workflowId } : {}),
      ...(args.workspaceId ? { workspaceId: args.workspaceId } : {}),
      ...(args.status ? { status: args.status } : {}),
    },
    orderBy: NEWEST_FIRST,
    ...query,
  });
  return toConnection(rows, take, idCursor);
}

export async function listBoards(db: Db, tenantId: string, args: PageArgs & { workspaceId: string }) {
  const { take, query } = prismaPage(args);
  const rows = await db.kanbanBoard.findMany({
    where: { tenantId, workspaceId: args.workspaceId },
    orderBy: STABLE_ORDER,
    ...query,
  });
  return toConnection(rows, take, idCursor);
}

/** A run's log lines, oldest first; the cursor is the line's numeric id. */
export async function listRunLogs(db: Db, tenantId: string, runId: string, args: PageArgs) {
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
