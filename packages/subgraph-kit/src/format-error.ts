import { unwrapResolverError } from "@apollo/server/errors";
import { isConnectionLoss } from "@atelier/db";
import type { GraphQLFormattedError } from "graphql";
import { ZodError } from "zod";
import { DomainError } from "./errors";

/** Codes that graphql-js and Apollo assign to the client's own mistakes. */
const CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

interface PrismaKnownError {
  code: string;
  meta?: { target?: unknown; modelName?: string };
}
function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: string }).name === "PrismaClientKnownRequestError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

function zodMessage(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ");
}

/** Turns any error into what a client may see; returns `unexpected: true` for errors to log. */
export function classifyError(
  formatted: GraphQLFormattedError,
  error: unknown,
): { formatted: GraphQLFormattedError; unexpected: boolean } {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return {
      formatted: { ...base, message: original.message, extensions: { code: original.code, ...original.details } },
      unexpected: false,
    };
  }
  if (original instanceof ZodError) {
    return {
      formatted: {
        ...base,
        message: `Invalid input: ${zodMessage(original)}`,
        extensions: {
          code: "BAD_USER_INPUT",
          issues: original.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        },
      },
      unexpected: false,
    };
  }
  if (isPrismaKnownError(original) && original.code === "P2002") {
    return {
      formatted: { ...base, message: "That already exists.", extensions: { code: "CONFLICT" } },
      unexpected: false,
    };
  }
  if (isPrismaKnownError(original) && original.code === "P2025") {
    return { formatted: { ...base, message: "Not found.", extensions: { code: "NOT_FOUND" } }, unexpected: false };
  }
  if (isConnectionLoss(original)) {
    // Logged, yet the client may act: the request failed before (or without knowing whether)
    // it took effect, and trying again is safe with an idempotency key.
    return {
      formatted: {
        ...base,
        message: "The database connection was lost; try again.",
        extensions: { code: "SERVICE_UNAVAILABLE", retryable: true },
      },
      unexpected: true,
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === "string" && CLIENT_CODES.has(code)) return { formatted, unexpected: false };
  return {
    formatted: { ...base, message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } },
    unexpected: true,
  };
}
