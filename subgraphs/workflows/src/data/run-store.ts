import type { ScopedTx } from "@atelier/db";
import {
  BadUserInputError,
  decodeCursor,
  encodeCursor,
  type PageArgs,
  pageSize,
  prismaKeysetPage,
  toConnection,
} from "@atelier/subgraph-kit";
import type { Prisma, RunStatus, StepRunStatus } from "../generated/prisma/client";
import type { Db } from "./db";

/** The step of a run a step run belongs to. */
export interface StepRef {
  id: string;
  position: number;
  key: string;
  type: Prisma.StepRunCreateInput["type"];
}

export interface StepRunFields {
  status: StepRunStatus;
  input?: unknown;
  output?: unknown;
  error?: string | null;
  attempts: number;
  startedAt?: Date;
  finishedAt?: Date | null;
}

const json = (value: unknown) => (value === undefined ? undefined : (value as Prisma.InputJsonValue));

/** Runs, their step runs and log lines, in one tenant's transaction (Prisma). */
export function createRunStore({ db, tenantId }: ScopedTx<Db>) {
  return {
    /**
     * Locks a run row for the rest of the transaction, so one writer at a time changes a run:
     * a worker advancing it, or a person cancelling, pausing or resuming it.
     */
    async lock(runId: string) {
      const rows = await db.$queryRaw<{ id: string }[]>`
        SELECT id FROM workflows."WorkflowRun" WHERE id = ${runId}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
      if (rows.length === 0) return null;
      return db.workflowRun.findUnique({
        where: { id: runId },
        include: { workflow: { include: { steps: { orderBy: { position: "asc" } } } } },
      });
    },
    find: (runId: string) => db.workflowRun.findUniqueOrThrow({ where: { id: runId } }),
    findByIdempotencyKey: (idempotencyKey: string) =>
      db.workflowRun.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } } }),
    update: (runId: string, data: Prisma.WorkflowRunUpdateInput) =>
      db.workflowRun.update({ where: { id: runId }, data }),
    stepRun: (runId: string, position: number) =>
      db.stepRun.findUnique({ where: { runId_position: { runId, position } } }),
    /** Creates or updates the step run of (run, position), the one row a step has per run. */
    saveStepRun(runId: string, step: StepRef, fields: StepRunFields) {
      const durationMs =
        fields.finishedAt && fields.startedAt ? fields.finishedAt.getTime() - fields.startedAt.getTime() : null;
      const data = {
        status: fields.status,
        input: json(fields.input),
        output: json(fields.output),
        error: fields.error ?? null,
        attempts: fields.attempts,
        ...(fields.startedAt ? { startedAt: fields.startedAt } : {}),
        finishedAt: fields.finishedAt ?? null,
        durationMs,
      };
      return db.stepRun.upsert({
        where: { runId_position: { runId, position: step.position } },
        create: {
          ...data,
          tenantId,
          run: { connect: { id: runId } },
          stepId: step.id,
          position: step.position,
          stepKey: step.key,
          type: step.type,
        },
        update: data,
      });
    },
    /** Fails the step run at `position` if it is still open (RUNNING or WAITING). */
    failOpenStepRun: (runId: string, position: number, error: string) => db.$executeRaw`
      UPDATE workflows."StepRun"
         SET status = 'FAILED', error = ${error}, "finishedAt" = now(),
             "durationMs" = (extract(epoch FROM now() - "startedAt") * 1000)::int
       WHERE "runId" = ${runId}::uuid AND position = ${position} AND status IN ('RUNNING', 'WAITING')`,
    log: (runId: string, level: "info" | "warn" | "error", message: string) =>
      db.runLog.create({ data: { tenantId, runId, level, message } }),
    /** Counts of a workspace's runs (see workspaceAnalytics). */
    async workspaceFigures(workspaceId: string) {
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
      return row;
    },
    /** Newest first. */
    list: (args: PageArgs & { workflowId?: string | null; workspaceId?: string | null; status?: RunStatus | null }) =>
      prismaKeysetPage(db, { table: `workflows."WorkflowRun"`, direction: "desc", scope: { tenantId } }, args, (page) =>
        db.workflowRun.findMany({
          where: {
            tenantId,
            ...(args.workflowId ? { workflowId: args.workflowId } : {}),
            ...(args.workspaceId ? { workspaceId: args.workspaceId } : {}),
            ...(args.status ? { status: args.status } : {}),
          },
          ...page,
        }),
      ),
    /** A run's log lines, oldest first; the cursor is the line's numeric id. */
    async logs(runId: string, args: PageArgs) {
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
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
export type LockedRun = NonNullable<Awaited<ReturnType<RunStore["lock"]>>>;
