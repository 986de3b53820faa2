import type { Context } from "../context";
import { findProject } from "./find-owned";
import { audit, inTenant, writerOf } from "./scope";

/** Soft-deletes a project: it disappears from lists and references; its rows stay. */
export function deleteProject(ctx: Context, input: { id: string }) {
  const actor = writerOf(ctx.identity);
  return inTenant(ctx.services, actor.tenantId, async (tx) => {
    await findProject(tx, actor.tenantId, input.id);
    await tx.project.update({ where: { id: input.id }, data: { deletedAt: new Date() } });
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "project.delete",
      resourceType: "Project",
      resourceId: input.id,
    });
    return input.id;
  });
}
