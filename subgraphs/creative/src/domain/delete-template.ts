import { NotFoundError } from "@atelier/subgraph-kit";
import { createTemplateStore } from "../data/template-store";
import type { CreativeScope } from "../scope/creative-scope";
import { requireCreativeAdmin } from "./require-creative-admin";

/** Deletes one of the tenant's own templates (system templates are not the tenant's). */
export function deleteTemplate(scope: CreativeScope, input: { id: string }) {
  requireCreativeAdmin(scope.actor);
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const template = await createTemplateStore(scoped).findOwn(input.id);
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
