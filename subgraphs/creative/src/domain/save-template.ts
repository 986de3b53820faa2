import { NotFoundError } from "@atelier/subgraph-kit";
import { z } from "zod";
import type { Context } from "../context";
import { audit, inTenant, writerOf } from "./scope";
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
export function createTemplate(ctx: Context, input: z.infer<typeof CreateTemplateInput>) {
  const actor = writerOf(ctx.identity);
  return inTenant(ctx.services, actor.tenantId, async (tx) => {
    const template = await tx.template.create({
      data: {
        tenantId: actor.tenantId,
        name: input.name,
        description: input.description ?? null,
        category: input.category,
        previewUrl: input.previewUrl ?? null,
        sourceData: (input.sourceData ?? {}) as object,
        tags: [...new Set(input.tags ?? [])],
        createdById: actor.id,
      },
    });
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "template.create",
      resourceType: "Template",
      resourceId: template.id,
      changes: { name: template.name, category: template.category },
    });
    return template;
  });
}

/** Deletes one of the tenant's own templates (system templates are not the tenant's). */
export function deleteTemplate(ctx: Context, input: { id: string }) {
  const actor = writerOf(ctx.identity, "ADMIN");
  return inTenant(ctx.services, actor.tenantId, async (tx) => {
    const template = await tx.template.findFirst({ where: { id: input.id, tenantId: actor.tenantId } });
    if (!template) throw new NotFoundError(`Template ${input.id} not found among this tenant's own templates.`);
    await tx.template.delete({ where: { id: input.id } });
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "template.delete",
      resourceType: "Template",
      resourceId: input.id,
    });
    return input.id;
  });
}
