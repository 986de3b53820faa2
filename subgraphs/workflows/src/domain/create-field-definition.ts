import type { FieldType, Prisma } from "../generated/prisma/client";
import type { WorkflowServices } from "../services";
import { type Actor, audit } from "./actor";
import { assertWorkspaceReference } from "./assert-workspace-reference";
import { parseFieldConfig } from "./field-config";
import { inTenantTransaction } from "./tenant-transaction";

export interface CreateFieldDefinitionInput {
  workspaceId: string;
  name: string;
  type: FieldType;
  config?: unknown;
  required?: boolean | null;
  displayOrder: number;
}

/** Defines a custom card field for a workspace; its config is checked against its type. */
export async function createFieldDefinition(
  services: WorkflowServices,
  actor: Actor,
  input: CreateFieldDefinitionInput,
) {
  await assertWorkspaceReference(services, actor, input.workspaceId);
  const config = parseFieldConfig(input.type, input.config);
  return inTenantTransaction(services, actor.tenantId, async (tx) => {
    const definition = await tx.cardFieldDefinition.create({
      data: {
        tenantId: actor.tenantId,
        workspaceId: input.workspaceId,
        name: input.name,
        type: input.type,
        config: config as Prisma.InputJsonValue,
        required: input.required ?? false,
        displayOrder: input.displayOrder,
      },
    });
    await audit(
      tx,
      actor,
      "cardFieldDefinition.create",
      { type: "CardFieldDefinition", id: definition.id },
      {
        name: input.name,
        type: input.type,
      },
    );
    return definition;
  });
}
