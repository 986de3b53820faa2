import type { z } from "zod";
import type { Context } from "../context";
import { assertProductionReady } from "./assert-production-ready";
import { findBrandKit, findProject, findTemplate } from "./find-owned";
import type { UpdateProjectInput } from "./project-input";
import { audit, inTenant, writerOf } from "./scope";

/** Changes a project; moving it to IN_PRODUCTION checks its workspace's required links. */
export function updateProject(ctx: Context, input: z.infer<typeof UpdateProjectInput>) {
  const actor = writerOf(ctx.identity);
  return inTenant(ctx.services, actor.tenantId, async (tx) => {
    const before = await findProject(tx, actor.tenantId, input.id);
    if (input.templateId) await findTemplate(tx, actor.tenantId, input.templateId);
    if (input.brandKitId) await findBrandKit(tx, actor.tenantId, input.brandKitId);
    if (input.status === "IN_PRODUCTION" && before.status !== "IN_PRODUCTION") {
      await assertProductionReady(tx, actor.tenantId, before.workspaceId);
    }
    const { id, ...fields } = input;
    const data = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    for (const required of ["name", "status"]) if (data[required] === null) delete data[required];
    const project = await tx.project.update({ where: { id }, data });
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "project.update",
      resourceType: "Project",
      resourceId: id,
      changes: {
        fields: Object.keys(data),
        ...(data.status ? { status: { from: before.status, to: data.status } } : {}),
      },
    });
    return project;
  });
}
