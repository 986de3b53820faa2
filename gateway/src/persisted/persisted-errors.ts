import type { GraphQLError } from "graphql";

/** A request refused before Apollo sees it. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
  /** Beside `code` in the error's extensions. */
  extensions?: Record<string, unknown>;
  /** Every error, where a stage finds several (validation); `code` and `message` are the first's. */
  errors?: readonly GraphQLError[];
}

// Apollo Client's persisted-query link retries with the full document on this message or code.
export const notFound = (): Refusal => ({
  status: 200,
  code: "PERSISTED_QUERY_NOT_FOUND",
  message: "PersistedQueryNotFound",
  headers: { "cache-control": "private, no-cache, must-revalidate" },
});

export const notAllowed = (reason: string): Refusal => ({
  status: 400,
  code: "PERSISTED_QUERY_NOT_ALLOWED",
  message: reason,
});

export const hashMismatch = (): Refusal => ({
  status: 400,
  code: "BAD_REQUEST",
  message: "provided sha does not match query",
});
