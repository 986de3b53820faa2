import { GraphQLError, type GraphQLFormattedError } from "graphql";

// The subscriber's own mistakes or rights: reading again cannot help, so the subscription ends.
const FINAL_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_ALLOWED",
]);

/** Whether a failed catch-up read is worth trying again (a subgraph or database restarting). */
export function isTransient(errors: readonly GraphQLFormattedError[]): boolean {
  return errors.every((e) => !FINAL_CODES.has(String(e.extensions?.code ?? "")));
}

/**
 * A catch-up read answers formatted errors (plain objects); graphql-ws sends GraphQLErrors, so
 * each is rebuilt with its message, path and extensions (its code) intact.
 */
export function toGraphQLErrors(errors: readonly GraphQLFormattedError[]): GraphQLError[] {
  return errors.map(
    (e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions as Record<string, unknown> }),
  );
}

/** Delay before catch-up retry `n` (0-based): 250 ms doubling to 5 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000, 250 * 2 ** attempt);
}
