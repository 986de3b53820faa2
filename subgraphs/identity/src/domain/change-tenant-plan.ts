import { NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createTenantStore } from "../data/tenant-store";
import type { Tenant } from "../generated/prisma/client";
import { authorize } from "./authorize";

export async function changeTenantPlan(ctx: IdentityContext, input: { planCode: string }): Promise<Tenant> {
  const scope = await authorize(ctx, "OWNER");
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
