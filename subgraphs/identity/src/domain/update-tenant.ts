import { NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createTenantStore } from "../data/tenant-store";
import type { Prisma, Tenant } from "../generated/prisma/client";
import type { MemberScope } from "../scope";

export interface UpdateTenantInput {
  name?: string | null;
  industry?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  headquartersAddress?: string | null;
  branches?: Prisma.InputJsonValue | null;
  crmId?: string | null;
  settings?: Prisma.InputJsonValue | null;
}

/** Omitted (undefined) fields stay; explicit nulls clear the optional text fields. */
export async function updateTenant(scope: MemberScope, input: UpdateTenantInput): Promise<Tenant> {
  requireRole(scope.actor, "ADMIN");
  const { name, branches, settings, ...optional } = input;
  const data: Prisma.TenantUpdateInput = {
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    ...(name ? { name } : {}),
    ...(branches != null ? { branches } : {}),
    ...(settings != null ? { settings } : {}),
  };
  return scope.write(async (stx) => {
    const tenants = createTenantStore(stx);
    if (!(await tenants.current())) throw new NotFoundError("Tenant not found.");
    const tenant = await tenants.update(data);
    stx.audit({
      action: "tenant.update",
      resourceType: "Tenant",
      resourceId: tenant.id,
      changes: { fields: Object.keys(data) },
    });
    return tenant;
  });
}
