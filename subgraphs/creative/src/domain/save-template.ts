import { NotFoundError, requireWriter } from "@atelier/subgraph-kit";
import { z } from "zod";
import type { CreativeScope } from "../scope/creative-scope";
import { requireCreativeAdmin } from "./require-creative-admin";
import { httpUrl, optionalText, shortText } from "./validation";

export const CreateTemplateInput = z.object({
  name: shortText(150),
  description: optionalText(5000),
  category: shortText(50).transform((c) => c.toUpperCase()),
  previewUrl: httpUrl.nullish(),
  sourceData: z.record(z.string(), z.unknown()).nullish(),
  tags: z
    .array(shortText(40).transform((t) => t.toLowerCase()))
    .max(20)
    .nullish(),
});

/** Creates a template private to the caller's tenant. */
export function createTemplate(scope: CreativeScope, input: z.infer<typeof CreateTemplateInput>) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const template = await tx.template.create({
      data: {
        tenantId: actor.tenantId,
        name: input.name,
        description: input.description ?? null,
        category: input.category,
        previewUrl: input.previewUrl ?? null,
        sourceData: (input.sourceData ?? {}) as object,
        tags: [...new Set(input.tags ?? [])],
        createdById: actor.actorId,
      },
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

/** Deletes one of the tenant's own templates (system templates are not the tenant's). */
export function deleteTemplate(scope: CreativeScope, input: { id: string }) {
  requireCreativeAdmin(scope.actor);
  const { actor } = scope;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const template = await tx.template.findFirst({ where: { id: input.id, tenantId: actor.tenantId } });
    if (!template) throw new NotFoundError(`Template ${input.id} not found among this tenant's own templates.`);
    await tx.template.delete({ where: { id: input.id } });
    scoped.audit({
      action: "template.delete",
      resourceType: "Template",
      resourceId: input.id,
    });
    return input.id;
  });
}
