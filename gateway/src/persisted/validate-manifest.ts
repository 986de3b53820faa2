import { GraphQLError, type GraphQLSchema, getOperationAST, parse, validate } from "graphql";
import type { ManifestOperation } from "./manifest-operations";

export interface BrokenOperation {
  id: string;
  name: string | null;
  error: string;
}

function firstError(schema: GraphQLSchema, body: string): { name: string | null; error: string | null } {
  try {
    const document = parse(body);
    const name = getOperationAST(document)?.name?.value ?? null;
    const errors = validate(schema, document);
    return { name, error: errors[0]?.message ?? null };
  } catch (error) {
    return { name: null, error: error instanceof GraphQLError ? error.message : String(error) };
  }
}

/** Every operation that does not parse or validate against the schema, with its first error. */
export function brokenOperations(schema: GraphQLSchema, operations: ManifestOperation[]): BrokenOperation[] {
  const broken: BrokenOperation[] = [];
  for (const operation of operations) {
    const { name, error } = firstError(schema, operation.body);
    if (error) broken.push({ id: operation.id, name: operation.name ?? name, error });
  }
  return broken;
}
