import { createFieldDefinitionStore } from "../../data/field-definition-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { readerScope } from "../scopes";
import { id } from "../validation";

export const cardFieldDefinitionsResolver: QueryResolvers["cardFieldDefinitions"] = (_, args, ctx) =>
  readerScope(ctx).read((tx) => createFieldDefinitionStore(tx).list(id.parse(args.workspaceId)));
