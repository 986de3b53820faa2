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

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return (await db.tenant.findUnique({ where: { slug }, select: { id: true } })) !== null;
}

/** A free slug derived from a tenant name. */
export async function availableSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  if (!(await slugTaken(db, base))) return base;
  for (;;) {
    const candidate = `${base}-${randomBytes(3).toString("hex")}`;
    if (!(await slugTaken(db, candidate))) return candidate;
  }
}

export function findTenantBySlug(db: Db, slug: string) {
  return db.tenant.findUnique({ where: { slug } });
}

export function defaultPlan(db: Db) {
  return db.plan.findUnique({ where: { code: "FREE" } });
}
