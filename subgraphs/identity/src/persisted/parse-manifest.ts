import { createHash } from "node:crypto";
import { BadUserInputError } from "@atelier/subgraph-kit";
import { getOperationAST, parse } from "graphql";
import { z } from "zod";

export type OperationType = "QUERY" | "MUTATION" | "SUBSCRIPTION";

export interface ManifestEntry {
  id: string;
  name: string | null;
  type: OperationType;
  document: string;
}

const MAX_OPERATIONS = 2_000;
const MAX_DOCUMENT_CHARS = 100_000;
const operationId = z.string().regex(/^[A-Za-z0-9_:.-]{1,128}$/, "ids are 1–128 letters, digits and _ : . -");
const document = z.string().min(1).max(MAX_DOCUMENT_CHARS, `at most ${MAX_DOCUMENT_CHARS} characters`);

const apolloManifest = z.object({
  format: z.literal("apollo-persisted-query-manifest"),
  version: z.literal(1),
  operations: z
    .array(
      z.object({
        id: operationId,
        name: z.string().max(200).nullish(),
        type: z.enum(["query", "mutation", "subscription"]),
        body: document,
      }),
    )
    .min(1, "the manifest has no operations")
    .max(MAX_OPERATIONS),
});
const codegenManifest = z
  .record(operationId, document)
  .refine((map) => Object.keys(map).length > 0, "the manifest has no operations")
  .refine((map) => Object.keys(map).length <= MAX_OPERATIONS, `at most ${MAX_OPERATIONS} operations`);

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

/** A Codegen id names its document by hash: the hex SHA-256, optionally written `sha256:<hex>`. */
const isHashOf = (id: string, body: string) => id.replace(/^sha256:/, "") === sha256Hex(body);

function describe(id: string, body: string): { name: string | null; type: OperationType } {
  try {
    const operation = getOperationAST(parse(body));
    if (!operation) throw new Error("it must hold exactly one operation");
    return { name: operation.name?.value ?? null, type: operation.operation.toUpperCase() as OperationType };
  } catch (error) {
    throw new BadUserInputError(
      `manifest: operation ${id} is not a single GraphQL operation: ${(error as Error).message}`,
    );
  }
}

/**
 * The operations of Apollo's persisted-query manifest (each id must be the SHA-256 of its body,
 * as Apollo's tooling computes it) or of a GraphQL Codegen `{ hash: document }` map (each key the
 * SHA-256 of its document): an id that is not its document's hash could later name another one.
 */
export function parseManifest(manifest: unknown): ManifestEntry[] {
  const apollo = apolloManifest.safeParse(manifest);
  let entries: ManifestEntry[];
  if (apollo.success) {
    entries = apollo.data.operations.map((op) => {
      if (sha256Hex(op.body) !== op.id) {
        throw new BadUserInputError(
          `manifest: operation ${op.name ?? op.id} has an id that is not the SHA-256 of its body`,
        );
      }
      return { id: op.id, name: op.name ?? null, type: describe(op.id, op.body).type, document: op.body };
    });
  } else if (typeof manifest === "object" && manifest !== null && "format" in manifest) {
    throw new BadUserInputError(
      `manifest: ${apollo.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  } else {
    const codegen = codegenManifest.safeParse(manifest);
    if (!codegen.success) {
      throw new BadUserInputError(
        "manifest: expected Apollo's persisted-query manifest or a Codegen { hash: document } map",
      );
    }
    entries = Object.entries(codegen.data).map(([id, body]) => {
      if (!isHashOf(id, body)) {
        throw new BadUserInputError(`manifest: operation id ${id} is not the SHA-256 of its document`);
      }
      return { id, ...describe(id, body), document: body };
    });
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) throw new BadUserInputError(`manifest: operation id ${entry.id} appears twice`);
    seen.add(entry.id);
  }
  return entries;
}
