import { requireWriter } from "@atelier/subgraph-kit";
import type { CreativeScope } from "../scope/creative-scope";
import { findProject } from "./find-owned";

/** Soft-deletes a project: it disappears from lists and references; its rows stay. */
export function deleteProject(scope: CreativeScope, input: { id: string }) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    await findProject(tx, actor.tenantId, input.id);
    await tx.project.update({ where: { id: input.id }, data: { deletedAt: new Date() } });
    scoped.audit({
      action: "project.delete",
      resourceType: "Project",
      resourceId: input.id,
    });
    return input.id;
  });
}
