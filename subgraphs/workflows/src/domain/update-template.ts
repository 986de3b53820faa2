import { NotFoundError, requireRole } from "@atelier/subgraph-kit";
import { createTemplateStore } from "../data/template-store";
import type { Prisma } from "../generated/prisma/client";
import { assertJsonSchema } from "../json-schema/validator";
import type { WorkflowScope } from "../scope";

export interface UpdateTemplateInput {
  id: string;
  name?: string | null;
  description?: string | null;
  tags?: string[] | null;
  version?: string | null;
  isActive?: boolean | null;
  inputSchema?: unknown;
  outputSchema?: unknown;
}

/** Changes one of the tenant's own templates; system templates are not the tenant's to change. */
export function updateTemplate(scope: WorkflowScope, input: UpdateTemplateInput) {
  requireRole(scope.actor, "EDITOR");
  if (input.inputSchema != null) assertJsonSchema(input.inputSchema, "inputSchema");
  if (input.outputSchema != null) assertJsonSchema(input.outputSchema, "outputSchema");
  return scope.write(async (tx) => {
    const templates = createTemplateStore(tx);
    const found = await templates.findOwn(input.id);
    if (!found) throw new NotFoundError("No such template of your tenant (system templates cannot be changed).");
    const data: Prisma.WorkflowTemplateUpdateInput = {};
    if (input.name != null) data.name = input.name;
    if (input.description != null) data.description = input.description;
    if (input.tags != null) data.tags = input.tags;
    if (input.version != null) data.version = input.version;
    if (input.isActive != null) data.isActive = input.isActive;
    if (input.inputSchema != null) data.inputSchema = input.inputSchema as Prisma.InputJsonValue;
    if (input.outputSchema != null) data.outputSchema = input.outputSchema as Prisma.InputJsonValue;
    const template = await templates.update(found.id, data);
    tx.audit({
      action: "workflowTemplate.update",
      resourceType: "WorkflowTemplate",
      resourceId: found.id,
      changes: { fields: Object.keys(data) },
    });
    return template;
  });
}
