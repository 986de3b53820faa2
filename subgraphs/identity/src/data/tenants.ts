import { randomBytes } from "node:crypto";
import type { Db } from "./db";

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
 * The tenant directory: a tenant's id and status by its public slug, across tenants. This is a
 * cross-tenant read that `CROSS_TENANT_PURPOSES` does not name yet ("tenant-directory": find a
 * tenant by slug to ask to join it, and keep slugs unique at sign-up); it returns nothing else.
 */
export function findTenantBySlug(db: Db, slug: string): Promise<{ id: string; status: string } | null> {
  return db.tenant.findUnique({ where: { slug }, select: { id: true, status: true } });
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return (await findTenantBySlug(db, slug)) !== null;
}

/** A free slug derived from a tenant name (read in the directory, not in any one tenant). */
export async function availableSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  if (!(await slugTaken(db, base))) return base;
  for (;;) {
    const candidate = `${base}-${randomBytes(3).toString("hex")}`;
    if (!(await slugTaken(db, candidate))) return candidate;
  }
}

export function defaultPlan(db: Db) {
  return db.plan.findUnique({ where: { code: "FREE" } });
}
