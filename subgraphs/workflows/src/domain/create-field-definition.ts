import { requireRole } from "@atelier/subgraph-kit";
import { createFieldDefinitionStore } from "../data/field-definition-store";
import type { FieldType, Prisma } from "../generated/prisma/client";
import { parseFieldConfig } from "../inputs/field-config";
import type { WorkflowScope } from "../scope";
import { assertWorkspaceReference } from "./assert-workspace-reference";

export interface CreateFieldDefinitionInput {
  workspaceId: string;
  name: string;
  type: FieldType;
  config?: unknown;
  required?: boolean | null;
  displayOrder: number;
}

/** Defines a custom card field for a workspace; its config is checked against its type. */
export async function createFieldDefinition(scope: WorkflowScope, input: CreateFieldDefinitionInput) {
  requireRole(scope.actor, "ADMIN");
  await assertWorkspaceReference(scope, input.workspaceId);
  const config = parseFieldConfig(input.type, input.config);
  return scope.write(async (tx) => {
    const definition = await createFieldDefinitionStore(tx).create({
      workspaceId: input.workspaceId,
      name: input.name,
      type: input.type,
      config: config as Prisma.InputJsonValue,
      required: input.required ?? false,
      displayOrder: input.displayOrder,
    });
    tx.audit({
      action: "cardFieldDefinition.create",
      resourceType: "CardFieldDefinition",
      resourceId: definition.id,
      changes: { name: input.name, type: input.type },
    });
    return definition;
  });
}
