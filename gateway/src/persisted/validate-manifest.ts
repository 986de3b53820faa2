import { createHash } from "node:crypto";
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

/** Manifest ids name documents by hash (hex SHA-256, or `sha256:<hex>`). */
function isHashOf(id: string, body: string): boolean {
  return id.replace(/^sha256:/, "") === createHash("sha256").update(body).digest("hex");
}

/**
 * Every operation whose id is not the SHA-256 of its document, or that does not parse or
 * validate against the schema, with its first error.
 */
export function brokenOperations(schema: GraphQLSchema, operations: ManifestOperation[]): BrokenOperation[] {
  const broken: BrokenOperation[] = [];
  for (const operation of operations) {
    if (!isHashOf(operation.id, operation.body)) {
      broken.push({ id: operation.id, name: operation.name, error: "the id is not the SHA-256 of the document" });
      continue;
    }
    const { name, error } = firstError(schema, operation.body);
    if (error) broken.push({ id: operation.id, name: operation.name ?? name, error });
  }
  return broken;
}
