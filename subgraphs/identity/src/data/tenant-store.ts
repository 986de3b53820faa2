import { randomBytes } from "node:crypto";
import type { ScopedTx } from "@atelier/db";
import type { Plan, Prisma, Tenant } from "../generated/prisma/client";
import type { Db } from "./db";

/** The scope's own tenant row, its plan and its subscriptions. */
export function createTenantStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    current: (): Promise<Tenant | null> => db.tenant.findFirst({ where: { id: tenantId } }),
    /** Founds the scope's tenant (sign-up): its id is the scope's. */
    create: (data: Omit<Prisma.TenantUncheckedCreateInput, "id">): Promise<Tenant> =>
      db.tenant.create({ data: { ...data, id: tenantId } }),
    update: (data: Prisma.TenantUpdateInput): Promise<Tenant> => db.tenant.update({ where: { id: tenantId }, data }),
    /** Moves the tenant to `plan`: earlier live subscriptions end, a new ACTIVE one starts. */
    async changePlan(plan: Plan): Promise<Tenant> {
      const tenant = await db.tenant.update({ where: { id: tenantId }, data: { planId: plan.id } });
      await db.subscription.updateMany({
        where: { tenantId, status: { in: ["ACTIVE", "TRIALING"] } },
        data: { status: "CANCELLED" },
      });
      await db.subscription.create({ data: { tenantId, planId: plan.id, status: "ACTIVE" } });
      return tenant;
    },
  };
}

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return slug || "tenant";
}

/**
 * The tenant directory: a tenant's id and status by its public slug, across tenants (callers wrap
 * it in `crossTenant("tenant-directory", …)`); it returns nothing else.
 */
export function createTenantDirectory(db: Db) {
  const findBySlug = (slug: string): Promise<{ id: string; status: string } | null> =>
    db.tenant.findUnique({ where: { slug }, select: { id: true, status: true } });
  const slugTaken = async (slug: string) => (await findBySlug(slug)) !== null;
  return {
    findBySlug,
    slugTaken,
    /** A free slug derived from a tenant name. */
    async availableSlug(name: string): Promise<string> {
      const base = slugify(name);
      if (!(await slugTaken(base))) return base;
      for (;;) {
        const candidate = `${base}-${randomBytes(3).toString("hex")}`;
        if (!(await slugTaken(candidate))) return candidate;
      }
    },
  };
}
