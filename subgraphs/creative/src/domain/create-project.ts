import { requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createBrandKitStore } from "../data/brand-kit-store";
import { createProjectStore } from "../data/project-store";
import { createTemplateStore } from "../data/template-store";
import { createWorkspaceStore } from "../data/workspace-store";
import type { CreateProjectInput } from "../inputs/project-input";
import type { CreativeScope } from "../scope/creative-scope";
import { assertProductionReady } from "./assert-production-ready";

/** Creates a project in a workspace of the caller's tenant. */
export function createProject(scope: CreativeScope, input: z.infer<typeof CreateProjectInput>) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const _tx = scoped.db;
    const workspace = await createWorkspaceStore(scoped).find(input.workspaceId);
    if (input.templateId) await createTemplateStore(scoped).find(input.templateId);
    if (input.brandKitId) await createBrandKitStore(scoped).find(input.brandKitId);
    if (input.status === "IN_PRODUCTION") await assertProductionReady(scoped, workspace.id);
    const userId = actor.kind === "user" ? actor.actorId : null;
    const project = await createProjectStore(scoped).create({
      workspaceId: workspace.id,
      name: input.name,
      brief: input.brief ?? null,
      targetPlatform: input.targetPlatform ?? null,
      templateId: input.templateId ?? null,
      brandKitId: input.brandKitId ?? workspace.defaultBrandKitId,
      status: input.status ?? "DRAFT",
      requestedAt: input.requestedAt ?? new Date(),
      requestedById: userId,
      createdById: userId,
      trackingUrl: input.trackingUrl ?? null,
      briefUrl: input.briefUrl ?? null,
      reviewUrl: input.reviewUrl ?? null,
      designReviewUrl: input.designReviewUrl ?? null,
    });
    scoped.audit({
      action: "project.create",
      resourceType: "Project",
      resourceId: project.id,
      changes: { workspaceId: workspace.id, name: project.name, status: project.status },
    });
    return project;
  });
}
