import { GraphQLError } from "graphql";

/**
 * Apollo's executeOperation hands back errors already formatted (plain objects); graphql-ws
 * serialises with `toJSON`, so each becomes a GraphQLError again, keeping its code and path.
 */
export function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const plain = (error ?? {}) as { message?: unknown; path?: unknown; extensions?: unknown };
  return new GraphQLError(typeof plain.message === "string" ? plain.message : "Unexpected error.", {
    path: Array.isArray(plain.path) ? plain.path : undefined,
    extensions:
      typeof plain.extensions === "object" && plain.extensions
        ? (plain.extensions as Record<string, unknown>)
        : { code: "INTERNAL_SERVER_ERROR" },
  });
}
