import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { CheckedStep } from "../domain/check-steps";
import type { Prisma } from "../generated/prisma/client";
import type { ReadTx } from "../scope";

/** Workflows and their steps, in one tenant's transaction. */
export function createWorkflowStore({ db, tenantId }: ReadTx) {
  return {
    find: (id: string) => db.workflow.findFirst({ where: { id, tenantId } }),
    create: (data: Omit<Prisma.WorkflowUncheckedCreateInput, "tenantId">) =>
      db.workflow.create({ data: { ...data, tenantId } }),
    update: (id: string, data: Prisma.WorkflowUpdateInput) => db.workflow.update({ where: { id }, data }),
    insertSteps: (workflowId: string, steps: CheckedStep[]) =>
      db.workflowStep.createMany({
        data: steps.map((s) => ({ ...s, tenantId, workflowId, config: s.config as Prisma.InputJsonValue })),
      }),
    deleteSteps: (workflowId: string) => db.workflowStep.deleteMany({ where: { workflowId, tenantId } }),
    list: (args: PageArgs & { workspaceId?: string | null }) =>
      prismaKeysetPage(db, { table: `workflows."Workflow"`, direction: "asc", scope: { tenantId } }, args, (page) =>
        db.workflow.findMany({
          where: { tenantId, ...(args.workspaceId ? { workspaceId: args.workspaceId } : {}) },
          ...page,
        }),
      ),
    /** A template the tenant sees: the system catalog's or its own. */
    findVisibleTemplate: (id: string) =>
      db.workflowTemplate.findFirst({ where: { id, OR: [{ tenantId: null }, { tenantId }] } }),
  };
}
