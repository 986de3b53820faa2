import { requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createBrandKitStore } from "../data/brand-kit-store";
import { createWorkspaceStore } from "../data/workspace-store";
import type { CreateWorkspaceInput } from "../inputs/workspace-input";
import type { CreativeScope } from "../scope/creative-scope";

/** Creates a workspace; its name is unique in the tenant (CONFLICT otherwise). */
export function createWorkspace(scope: CreativeScope, input: z.infer<typeof CreateWorkspaceInput>) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const _tx = scoped.db;
    if (input.defaultBrandKitId) await createBrandKitStore(scoped).find(input.defaultBrandKitId);
    const workspace = await createWorkspaceStore(scoped).create({
      name: input.name,
      businessArea: input.businessArea ?? null,
      description: input.description ?? null,
      defaultBrandKitId: input.defaultBrandKitId ?? null,
      requestAgentPrompt: input.requestAgentPrompt ?? null,
      createdById: actor.kind === "user" ? actor.actorId : null,
    });
    if (input.links?.length) {
      await createWorkspaceStore(scoped).addLinks(workspace.id, input.links);
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
