import { IDENTITY_HEADER, type Identity } from "@atelier/internal-auth";
import { signIdentity } from "./identities";

// biome-ignore lint/suspicious/noExplicitAny: tests read response trees loosely and assert on them
export type AnyData = Record<string, any>;

export interface GraphQLResponse<T = AnyData> {
  /** The HTTP status of the response. */
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** Calls a subgraph as the gateway would for one identity (null: with no identity header at all). */
export interface Caller {
  gql<T = AnyData>(
    query: string,
    variables?: Record<string, unknown>,
    /** Extra headers, e.g. the client address the gateway forwards. */
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** The data of a call expected to succeed; any error fails the test. */
  ok<T = AnyData>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The code of the first error of a call expected to fail (null when it succeeded). */
  errorCode(query: string, variables?: Record<string, unknown>): Promise<string | null>;
  /** POSTs JSON to another path of the service (its internal endpoints). */
  post(path: string, body: unknown): Promise<{ status: number; body: AnyData }>;
}

async function headersFor(identity: Identity | null, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", ...extra };
  if (identity) headers[IDENTITY_HEADER] = await signIdentity(identity);
  return headers;
}

/** A caller of the GraphQL endpoint `url` (its other paths are resolved against `url`'s origin). */
export function callerFor(url: string, identity: Identity | null): Caller {
  const caller: Caller = {
    async gql<T>(query: string, variables: Record<string, unknown> = {}, extra: Record<string, string> = {}) {
      const headers = await headersFor(identity, extra);
      const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse<T>;
    },
    async ok<T>(query: string, variables: Record<string, unknown> = {}) {
      const result = await caller.gql<T>(query, variables);
      if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    async errorCode(query: string, variables: Record<string, unknown> = {}) {
      const result = await caller.gql(query, variables);
      return result.errors?.[0]?.extensions?.code ?? null;
    },
    async post(path: string, body: unknown) {
      const headers = await headersFor(identity);
      const response = await fetch(new URL(path, url), { method: "POST", headers, body: JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
  };
  return caller;
}
