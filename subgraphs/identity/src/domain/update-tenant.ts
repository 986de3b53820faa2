import { NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import type { Prisma, Tenant } from "../generated/prisma/client";
import { authorize } from "./authorize";

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
export async function updateTenant(ctx: IdentityContext, input: UpdateTenantInput): Promise<Tenant> {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  const { name, branches, settings, ...optional } = input;
  const data: Prisma.TenantUpdateInput = {
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    ...(name ? { name } : {}),
    ...(branches != null ? { branches } : {}),
    ...(settings != null ? { settings } : {}),
  };
  return scope.write(async (stx) => {
    const tx = stx.db;
    const before = await tx.tenant.findFirst({ where: { id: actor.tenantId } });
    if (!before) throw new NotFoundError("Tenant not found.");
    const tenant = await tx.tenant.update({ where: { id: actor.tenantId }, data });
    stx.audit({
      action: "tenant.update",
      resourceType: "Tenant",
      resourceId: tenant.id,
      changes: { fields: Object.keys(data) },
    });
    return tenant;
  });
}

export async function changeTenantPlan(ctx: IdentityContext, input: { planCode: string }): Promise<Tenant> {
  const scope = await authorize(ctx, "OWNER");
  const { actor } = scope;
  return scope.write(async (stx) => {
    const tx = stx.db;
    const plan = await tx.plan.findFirst({ where: { code: input.planCode, active: true } });
    if (!plan) throw new NotFoundError(`planCode: no plan ${input.planCode} is offered.`);
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: actor.tenantId } });
    const tenant = await tx.tenant.update({ where: { id: actor.tenantId }, data: { planId: plan.id } });
    await tx.subscription.updateMany({
      where: { tenantId: actor.tenantId, status: { in: ["ACTIVE", "TRIALING"] } },
      data: { status: "CANCELLED" },
    });
    await tx.subscription.create({ data: { tenantId: actor.tenantId, planId: plan.id, status: "ACTIVE" } });
    stx.audit({
      action: "tenant.change_plan",
      resourceType: "Tenant",
      resourceId: tenant.id,
      changes: { planId: { from: before.planId, to: plan.id }, planCode: plan.code },
    });
    return tenant;
  });
}
