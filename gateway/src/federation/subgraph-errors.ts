import type { RemoteGraphQLDataSource } from "@apollo/gateway";
import type { GraphQLFormattedError } from "graphql";

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource["process"]>>;

const NETWORK_FAILURE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|UND_ERR|socket hang up|fetch failed|other side closed|aborted|timeout/i;

/** A call that got no HTTP answer: refused, reset, timed out (checked through the `cause` chain). */
function isNetworkFailure(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const e = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  const text = `${String(e.code ?? "")} ${String(e.name ?? "")} ${String(e.message ?? "")}`;
  return NETWORK_FAILURE.test(text) || isNetworkFailure(e.cause, depth + 1);
}

interface ResponseExtension {
  status?: number;
  body?: unknown;
}

function httpResponseOf(error: unknown): ResponseExtension | undefined {
  const extensions = (error as { extensions?: { response?: ResponseExtension } } | null)?.extensions;
  return extensions?.response;
}

function graphqlErrorsIn(body: unknown): GraphQLFormattedError[] | undefined {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.length > 0 ? (errors as GraphQLFormattedError[]) : undefined;
}

/** The subgraph cannot be reached or is restarting: the client may simply try again. */
export function subgraphUnavailable(serviceName: string): GatewayGraphQLResponse {
  return {
    errors: [
      {
        message: `The ${serviceName} service is unavailable; try again shortly.`,
        extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName, retryable: true },
      },
    ],
  };
}

/**
 * Turns what a subgraph call threw into errors a client can act on, as the subgraph's own answer:
 * Apollo then tags each with `serviceName`. A 4xx whose body holds GraphQL errors (a custom
 * scalar refusing `"not-an-email"`, coded `BAD_USER_INPUT`) passes those errors through instead
 * of `"400: Bad Request"`; a refused or reset connection, a timeout, or a 502/503/504 without
 * GraphQL errors becomes `SUBGRAPH_UNAVAILABLE` with `retryable: true`. Anything else is rethrown.
 */
export async function withActionableErrors(
  serviceName: string,
  call: () => Promise<GatewayGraphQLResponse>,
): Promise<GatewayGraphQLResponse> {
  try {
    return await call();
  } catch (error) {
    const response = httpResponseOf(error);
    const status = response?.status;
    if (status !== undefined) {
      const errors = graphqlErrorsIn(response?.body);
      if (errors && status >= 400 && status < 500) return { errors };
      if (!errors && (status === 502 || status === 503 || status === 504)) return subgraphUnavailable(serviceName);
      throw error;
    }
    if (isNetworkFailure(error)) return subgraphUnavailable(serviceName);
    throw error;
  }
}
