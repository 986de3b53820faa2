import { requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createBrandKitStore } from "../data/brand-kit-store";
import { createProjectStore } from "../data/project-store";
import { createTemplateStore } from "../data/template-store";
import type { UpdateProjectInput } from "../inputs/project-input";
import type { CreativeScope } from "../scope/creative-scope";
import { assertProductionReady } from "./assert-production-ready";

/** Changes a project; moving it to IN_PRODUCTION checks its workspace's required links. */
export function updateProject(scope: CreativeScope, input: z.infer<typeof UpdateProjectInput>) {
  requireWriter(scope.actor, "creative");
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const before = await createProjectStore(scoped).find(input.id);
    if (input.templateId) await createTemplateStore(scoped).find(input.templateId);
    if (input.brandKitId) await createBrandKitStore(scoped).find(input.brandKitId);
    if (input.status === "IN_PRODUCTION" && before.status !== "IN_PRODUCTION") {
      await assertProductionReady(scoped, before.workspaceId);
    }
    const { id, ...fields } = input;
    const data = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    for (const required of ["name", "status"]) if (data[required] === null) delete data[required];
    const project = await tx.project.update({ where: { id }, data });
    scoped.audit({
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
