import { requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createBrandKitStore } from "../data/brand-kit-store";
import type { CreativeScope } from "../scope/creative-scope";
import { type CreateWorkspaceInput, linkRows } from "./workspace-input";

/** Creates a workspace; its name is unique in the tenant (CONFLICT otherwise). */
export function createWorkspace(scope: CreativeScope, input: z.infer<typeof CreateWorkspaceInput>) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    if (input.defaultBrandKitId) await createBrandKitStore(scoped).find(input.defaultBrandKitId);
    const workspace = await tx.workspace.create({
      data: {
        tenantId: actor.tenantId,
        name: input.name,
        businessArea: input.businessArea ?? null,
        description: input.description ?? null,
        defaultBrandKitId: input.defaultBrandKitId ?? null,
        requestAgentPrompt: input.requestAgentPrompt ?? null,
        createdById: actor.kind === "user" ? actor.actorId : null,
      },
    });
    if (input.links?.length) {
      await tx.workspaceLink.createMany({ data: linkRows(actor.tenantId, workspace.id, input.links) });
    }
    scoped.audit({
      action: "workspace.create",
      resourceType: "Workspace",
      resourceId: workspace.id,
      changes: { name: input.name, links: input.links?.length ?? 0 },
    });
    return workspace;
  });
}
