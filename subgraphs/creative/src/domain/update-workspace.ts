import type { z } from "zod";
import type { Context } from "../context";
import { findBrandKit, findWorkspace } from "./find-owned";
import { audit, inTenant, writerOf } from "./scope";
import { linkRows, type UpdateWorkspaceInput } from "./workspace-input";

/** Changes a workspace; `links`, when given, replace the existing ones. */
export function updateWorkspace(ctx: Context, input: z.infer<typeof UpdateWorkspaceInput>) {
  const actor = writerOf(ctx.identity);
  return inTenant(ctx.services, actor.tenantId, async (tx) => {
    await findWorkspace(tx, actor.tenantId, input.id);
    if (input.defaultBrandKitId) await findBrandKit(tx, actor.tenantId, input.defaultBrandKitId);
    const { id, links, ...fields } = input;
    const data = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (input.name === null) delete data.name;
    const workspace = await tx.workspace.update({ where: { id }, data });
    if (links) {
      await tx.workspaceLink.deleteMany({ where: { tenantId: actor.tenantId, workspaceId: id } });
      await tx.workspaceLink.createMany({ data: linkRows(actor.tenantId, id, links) });
    }
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "workspace.update",
      resourceType: "Workspace",
      resourceId: id,
      changes: { fields: Object.keys(data), links: links ? links.length : undefined },
    });
    return workspace;
  });
}
