import { NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createTenantStore } from "../data/tenant-store";
import type { Tenant } from "../generated/prisma/client";
import type { MemberScope } from "../scope";

export async function changeTenantPlan(scope: MemberScope, input: { planCode: string }): Promise<Tenant> {
  requireRole(scope.actor, "OWNER");
  return scope.write(async (stx) => {
    const plan = await stx.db.plan.findFirst({ where: { code: input.planCode, active: true } });
    if (!plan) throw new NotFoundError(`planCode: no plan ${input.planCode} is offered.`);
    const tenants = createTenantStore(stx);
    const before = await tenants.current();
    if (!before) throw new NotFoundError("Tenant not found.");
    const tenant = await tenants.changePlan(plan);
    stx.audit({
      action: "tenant.change_plan",
      resourceType: "Tenant",
      resourceId: tenant.id,
      changes: { planId: { from: before.planId, to: plan.id }, planCode: plan.code },
    });
    return tenant;
  });
}
