export interface ManifestOperation {
  id: string;
  name: string | null;
  body: string;
}

const APOLLO_FORMAT = "apollo-persisted-query-manifest";

/**
 * The operations of an Apollo persisted-query manifest or a GraphQL Codegen `{ hash: document }` map;
 * null for anything else (identity refuses the shape itself).
 */
export function manifestOperations(manifest: unknown): ManifestOperation[] | null {
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) return null;
  const record = manifest as Record<string, unknown>;
  if (record.format === APOLLO_FORMAT) {
    if (!Array.isArray(record.operations)) return null;
    return record.operations.flatMap((op) => {
      const { id, name, body } = (op ?? {}) as Record<string, unknown>;
      if (typeof id !== "string" || typeof body !== "string") return [];
      return [{ id, name: typeof name === "string" ? name : null, body }];
    });
  }
  const entries = Object.entries(record);
  if (!entries.every(([, body]) => typeof body === "string")) return null;
  return entries.map(([id, body]) => ({ id, name: null, body: body as string }));
}
