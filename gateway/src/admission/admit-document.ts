import { type DocumentNode, GraphQLError, type GraphQLSchema, getOperationAST, parse, validate } from "graphql";
import type { RequestLimits } from "../config";
import { checkOperationLimits } from "../limits/check-operation-limits";
import { exceedsTokenLimit, tokenLimitMessage } from "../limits/token-limit";
import type { Refusal } from "../persisted/persisted-errors";
import type { GraphQLRequestBody } from "../persisted/resolve-operation";

type DocumentAdmission = { ok: true; document: DocumentNode } | { ok: false; refusal: Refusal };

function refusal(code: string, errors: readonly GraphQLError[]): DocumentAdmission {
  const first = errors[0] as GraphQLError;
  return { ok: false, refusal: { status: 400, code, message: first.message, errors } };
}

/** The error with the code Apollo gives the same failure over HTTP, its locations kept. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  const { nodes, source, positions } = error;
  return new GraphQLError(error.message, { nodes, source, positions, extensions: { ...error.extensions, code } });
}

/** Without `http`, which only an HTTP response reads (Apollo drops it from the errors it sends too). */
function withoutHttp(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { extensions });
}

/**
 * Parses (within MAX_TOKENS), validates and measures one resolved operation, for a transport that
 * executes documents itself, refusing with the codes and messages Apollo gives over HTTP.
 */
export function admitDocument(
  schema: GraphQLSchema,
  request: GraphQLRequestBody,
  limits: RequestLimits,
): DocumentAdmission {
  let document: DocumentNode;
  try {
    document = parse(typeof request.query === "string" ? request.query : "", { maxTokens: limits.maxTokens });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const code = "GRAPHQL_PARSE_FAILED";
    if (exceedsTokenLimit(error.message)) {
      const message = tokenLimitMessage(limits.maxTokens);
      return refusal(code, [new GraphQLError(message, { extensions: { code, limit: "MAX_TOKENS" } })]);
    }
    return refusal(code, [withCode(error, code)]);
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) {
    return refusal(
      "GRAPHQL_VALIDATION_FAILED",
      invalid.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED")),
    );
  }
  const operationName = typeof request.operationName === "string" ? request.operationName : undefined;
  const operation = getOperationAST(document, operationName);
  const variables = (isRecord(request.variables) ? request.variables : {}) as Record<string, unknown>;
  try {
    if (operation) checkOperationLimits(schema, document, operation, variables, limits);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return refusal(String(error.extensions.code), [withoutHttp(error)]);
  }
  return { ok: true, document };
}

const isRecord = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);
