import { createDelegationSigner, type DelegatedActor, type DelegationSigner } from "@atelier/internal-auth";

/** A call through the gateway failed: GraphQL errors carry their `extensions.code`. */
export class GatewayRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** True for an outage (network, timeout, 5xx, rate limit): the same call may succeed later. */
    readonly retryable: boolean,
    readonly errors: readonly GraphQLErrorShape[] = [],
  ) {
    super(message);
    this.name = "GatewayRequestError";
  }
}

export interface GraphQLErrorShape {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string } & Record<string, unknown>;
}

export interface GatewayRequest {
  actor: DelegatedActor;
  /** Root fields the delegation allows, e.g. `Query.semanticSearch`; the gateway refuses any other. */
  fields: string[];
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface GatewayClient {
  request<T>(request: GatewayRequest): Promise<T>;
}

const RETRYABLE_CODES = new Set(["RATE_LIMITED", "SERVICE_UNAVAILABLE", "GATEWAY_UNAVAILABLE"]);

/**
 * Lets a service call the supergraph as someone else: each request carries a fresh delegation
 * signed by the service, so the gateway applies that actor's tenant and current role.
 */
export function createGatewayClient(opts: {
  url: string;
  signer: DelegationSigner;
  timeoutMs?: number;
}): GatewayClient {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    async request<T>({ actor, fields, query, variables, operationName }: GatewayRequest): Promise<T> {
      const token = await opts.signer.sign({ actor, fields });
      let response: Response;
      try {
        response = await fetch(opts.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables, operationName }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new GatewayRequestError(`gateway unreachable: ${(error as Error).message}`, "GATEWAY_UNAVAILABLE", true);
      }
      const body = await readJson(response);
      const errors = (body?.errors ?? []) as GraphQLErrorShape[];
      if (errors.length > 0) {
        const code = errors[0]?.extensions?.code ?? "GATEWAY_ERROR";
        const retryable = response.status >= 500 || response.status === 429 || RETRYABLE_CODES.has(code);
        throw new GatewayRequestError(errors.map((e) => e.message).join("; "), code, retryable, errors);
      }
      if (!response.ok || !body || body.data == null) {
        throw new GatewayRequestError(
          `gateway answered HTTP ${response.status}`,
          "GATEWAY_UNAVAILABLE",
          response.status >= 500,
        );
      }
      return body.data as T;
    },
  };
}

async function readJson(response: Response): Promise<{ data?: unknown; errors?: unknown[] } | null> {
  try {
    return (await response.json()) as { data?: unknown; errors?: unknown[] };
  } catch {
    return null;
  }
}

/** A service's client from its `gateway` config; null when it has no delegation key (those calls are off). */
export function gatewayClientFrom(
  service: string,
  config: { url: string; delegationPrivateKey: string | null; timeoutMs: number },
): GatewayClient | null {
  if (!config.delegationPrivateKey) return null;
  const signer = createDelegationSigner({ service, privateKey: config.delegationPrivateKey });
  return createGatewayClient({ url: config.url, signer, timeoutMs: config.timeoutMs });
}
