import { requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createBrandKitStore } from "../data/brand-kit-store";
import { createWorkspaceStore } from "../data/workspace-store";
import type { UpdateWorkspaceInput } from "../inputs/workspace-input";
import type { CreativeScope } from "../scope/creative-scope";

/** Changes a workspace; `links`, when given, replace the existing ones. */
export function updateWorkspace(scope: CreativeScope, input: z.infer<typeof UpdateWorkspaceInput>) {
  requireWriter(scope.actor, "creative");
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    await createWorkspaceStore(scoped).find(input.id);
    if (input.defaultBrandKitId) await createBrandKitStore(scoped).find(input.defaultBrandKitId);
    const { id, links, ...fields } = input;
    const data = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (input.name === null) delete data.name;
    const workspace = await tx.workspace.update({ where: { id }, data });
    if (links) {
      const workspaces = createWorkspaceStore(scoped);
      await workspaces.removeLinks(id);
      await workspaces.addLinks(id, links);
    }
    scoped.audit({
      action: "workspace.update",
      resourceType: "Workspace",
      resourceId: id,
      changes: { fields: Object.keys(data), links: links ? links.length : undefined },
    });
    return workspace;
  });
}
