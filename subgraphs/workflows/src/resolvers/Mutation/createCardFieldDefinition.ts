import { z } from "@atelier/config";
import { createFieldDefinition } from "../../domain/create-field-definition";
import { FieldType, type MutationResolvers } from "../../generated/resolvers-types";
import { writerScope } from "../scopes";
import { id, json } from "../validation";

const createFieldDefinitionInput = z.object({
  workspaceId: id,
  name: z.string().trim().min(1).max(50),
  type: z.enum(FieldType),
  config: json,
  required: z.boolean().nullish(),
  displayOrder: z.number().int().min(0).max(1000),
});

export const createCardFieldDefinitionResolver: MutationResolvers["createCardFieldDefinition"] = async (
  _,
  { input },
  ctx,
) => ({
  fieldDefinition: await createFieldDefinition(writerScope(ctx, "ADMIN"), createFieldDefinitionInput.parse(input)),
});
