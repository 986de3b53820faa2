import type { ScopedTx } from "@atelier/db";
import { NotFoundError, type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

/** The tenant's brand kits. */
export function createBrandKitStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    create(data: Omit<Prisma.BrandKitUncheckedCreateInput, "tenantId">) {
      return db.brandKit.create({ data: { ...data, tenantId } });
    },

    /** Only one default per owner: the owner's current default stops being one. */
    clearDefault(ownerId: string) {
      return db.brandKit.updateMany({ where: { tenantId, ownerId, isDefault: true }, data: { isDefault: false } });
    },

    async find(id: string) {
      const kit = await db.brandKit.findFirst({ where: { id, tenantId } });
      if (!kit) throw new NotFoundError(`Brand kit ${id} not found.`);
      return kit;
    },

    list(args: PageArgs) {
      return prismaKeysetPage(
        db,
        { table: `creative."brand_kits"`, direction: "asc", scope: { tenantId } },
        args,
        (page) => db.brandKit.findMany({ where: { tenantId }, ...page }),
      );
    },
  };
}
