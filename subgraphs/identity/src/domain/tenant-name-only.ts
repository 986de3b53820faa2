import type { Tenant } from "../generated/prisma/client";

/** What a non-member sees of a tenant: id, name, slug and status; the private profile is emptied. */
export function tenantNameOnly(tenant: Tenant): Tenant {
  return {
    ...tenant,
    industry: null,
    contactEmail: null,
    contactPhone: null,
    headquartersAddress: null,
    branches: [],
    crmId: null,
    settings: {},
    planId: null,
  };
}
