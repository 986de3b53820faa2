import type { ScopedTx } from "@atelier/db";
import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { BusinessArea, Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

/** Workflow templates: the system catalog (no tenant, read-only) and the tenant's own. */
export function createTemplateStore({ db, tenantId }: ScopedTx<Db>) {
  return {
    /** One of the tenant's own templates (never a system one). */
    findOwn: (id: string) => db.workflowTemplate.findFirst({ where: { id, tenantId } }),
    create: (data: Omit<Prisma.WorkflowTemplateUncheckedCreateInput, "tenantId">) =>
      db.workflowTemplate.create({ data: { ...data, tenantId } }),
    update: (id: string, data: Prisma.WorkflowTemplateUpdateInput) =>
      db.workflowTemplate.update({ where: { id }, data }),
    /** Templates the tenant sees: the system catalog and its own. */
    list: (args: PageArgs & { businessArea?: BusinessArea | null; includeInactive?: boolean | null }) =>
      prismaKeysetPage(db, { table: `workflows."WorkflowTemplate"`, direction: "asc" }, args, (page) =>
        db.workflowTemplate.findMany({
          where: {
            OR: [{ tenantId: null }, { tenantId }],
            ...(args.businessArea ? { businessArea: args.businessArea } : {}),
            ...(args.includeInactive ? {} : { isActive: true }),
          },
          ...page,
        }),
      ),
  };
}
