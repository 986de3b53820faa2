import type { ScopedTx } from "@atelier/db";
import { NotFoundError, type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

export interface TemplateFilter {
  category?: string | null;
  tags?: string[] | null;
  search?: string | null;
}

/** Templates as a tenant sees them: the system's (NULL tenant) and its own. */
export function createTemplateStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    create(data: Omit<Prisma.TemplateUncheckedCreateInput, "tenantId">) {
      return db.template.create({ data: { ...data, tenantId } });
    },

    /** The tenant's own template (system templates are not the tenant's to change), or null. */
    findOwn(id: string) {
      return db.template.findFirst({ where: { id, tenantId } });
    },

    async find(id: string) {
      const template = await db.template.findFirst({ where: { id, OR: [{ tenantId: null }, { tenantId }] } });
      if (!template) throw new NotFoundError(`Template ${id} not found.`);
      return template;
    },

    list(args: PageArgs & TemplateFilter) {
      const where: Prisma.TemplateWhereInput = {
        OR: [{ tenantId: null }, { tenantId }],
        ...(args.category ? { category: args.category.toUpperCase() } : {}),
        ...(args.tags?.length ? { tags: { hasEvery: args.tags.map((t) => t.toLowerCase()) } } : {}),
        ...(args.search ? { name: { contains: args.search, mode: "insensitive" } } : {}),
      };
      return prismaKeysetPage(db, { table: `creative."templates"`, direction: "asc" }, args, (page) =>
        db.template.findMany({ where, ...page }),
      );
    },
  };
}
