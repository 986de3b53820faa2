import type { z } from "zod";
import type { Context } from "../context";
import { findBrandKit } from "./find-owned";
import { audit, inTenant, writerOf } from "./scope";
import { type CreateWorkspaceInput, linkRows } from "./workspace-input";

/** Creates a workspace; its name is unique in the tenant (CONFLICT otherwise). */
export function createWorkspace(ctx: Context, input: z.infer<typeof CreateWorkspaceInput>) {
  const actor = writerOf(ctx.identity);
  return inTenant(ctx.services, actor.tenantId, async (tx) => {
    if (input.defaultBrandKitId) await findBrandKit(tx, actor.tenantId, input.defaultBrandKitId);
    const workspace = await tx.workspace.create({
      data: {
        tenantId: actor.tenantId,
        name: input.name,
        businessArea: input.businessArea ?? null,
        description: input.description ?? null,
        defaultBrandKitId: input.defaultBrandKitId ?? null,
        requestAgentPrompt: input.requestAgentPrompt ?? null,
        createdById: actor.kind === "user" ? actor.id : null,
      },
    });
    if (input.links?.length) {
      await tx.workspaceLink.createMany({ data: linkRows(actor.tenantId, workspace.id, input.links) });
    }
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "workspace.create",
      resourceType: "Workspace",
      resourceId: workspace.id,
      changes: { name: input.name, links: input.links?.length ?? 0 },
    });
    return workspace;
  });
}
