import { requireWriter } from "@atelier/subgraph-kit";
import type { z } from "zod";
import { createTemplateStore } from "../data/template-store";
import type { CreateTemplateInput } from "../inputs/template-input";
import type { CreativeScope } from "../scope/creative-scope";

/** Creates a template private to the caller's tenant. */
export function createTemplate(scope: CreativeScope, input: z.infer<typeof CreateTemplateInput>) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const _tx = scoped.db;
    const template = await createTemplateStore(scoped).create({
      name: input.name,
      description: input.description ?? null,
      category: input.category,
      previewUrl: input.previewUrl ?? null,
      sourceData: (input.sourceData ?? {}) as object,
      tags: [...new Set(input.tags ?? [])],
      createdById: actor.actorId,
    });
    scoped.audit({
      action: "template.create",
      resourceType: "Template",
      resourceId: template.id,
      changes: { name: template.name, category: template.category },
    });
    return template;
  });
}
