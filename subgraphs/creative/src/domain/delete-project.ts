import { requireWriter } from "@atelier/subgraph-kit";
import { createProjectStore } from "../data/project-store";
import type { CreativeScope } from "../scope/creative-scope";

/** Soft-deletes a project: it disappears from lists and references; its rows stay. */
export function deleteProject(scope: CreativeScope, input: { id: string }) {
  requireWriter(scope.actor, "creative");
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    await createProjectStore(scoped).find(input.id);
    await tx.project.update({ where: { id: input.id }, data: { deletedAt: new Date() } });
    scoped.audit({
      action: "project.delete",
      resourceType: "Project",
      resourceId: input.id,
    });
    return input.id;
  });
}
