import type { Db } from "../data/db";
import type { Prisma, StepRunStatus } from "../generated/prisma/client";

export interface StepRef {
  tenantId: string;
  runId: string;
  step: { id: string; position: number; key: string; type: Prisma.StepRunCreateInput["type"] };
}

const json = (value: unknown) => (value === undefined ? undefined : (value as Prisma.InputJsonValue));

/** Creates or updates the step run of (run, position), the one row a step has per run. */
export function saveStepRun(
  tx: Db,
  ref: StepRef,
  fields: {
    status: StepRunStatus;
    input?: unknown;
    output?: unknown;
    error?: string | null;
    attempts: number;
    startedAt?: Date;
    finishedAt?: Date | null;
  },
) {
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
  return tx.stepRun.upsert({
    where: { runId_position: { runId: ref.runId, position: ref.step.position } },
    create: {
      ...data,
      tenantId: ref.tenantId,
      run: { connect: { id: ref.runId } },
      stepId: ref.step.id,
      position: ref.step.position,
      stepKey: ref.step.key,
      type: ref.step.type,
    },
    update: data,
  });
}
