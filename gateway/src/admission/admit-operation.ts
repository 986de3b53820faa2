import type { Identity } from "@atelier/internal-auth";
import type { DocumentNode, GraphQLSchema } from "graphql";
import type { RequestLimits } from "../config";
import type { Refusal } from "../persisted/persisted-errors";
import { type GraphQLRequestBody, type ResolveDeps, resolveOperation } from "../persisted/resolve-operation";
import type { RateLimiter } from "../rate-limit/rate-limiter";
import { admitDocument } from "./admit-document";

export interface AdmissionDeps {
  rateLimiter: RateLimiter;
  persisted: ResolveDeps;
  limits: RequestLimits;
}

export interface OperationRequest {
  identity: Identity;
  /** The end client's address: anonymous callers draw from a bucket per address. */
  clientAddress: string | undefined;
  /** One request's operations (a batch's each): each costs a token; objects have persisted ids resolved. */
  operations: readonly unknown[];
  /**
   * Given by a transport that executes the document itself (WebSocket subscriptions): each operation
   * is then also parsed, validated and held to the limits here. Over HTTP, Apollo's pipeline and the
   * fast path do that stage after their own cached parse, through the same checkOperationLimits.
   */
  schema?: GraphQLSchema;
}

export type Admission =
  | { ok: true; operations: unknown[]; documents: DocumentNode[] }
  | { ok: false; refusal: Refusal };

const isRequest = (value: unknown): value is GraphQLRequestBody =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const rateLimited = (retryAfterSeconds: number): Refusal => ({
  status: 429,
  code: "RATE_LIMITED",
  message: `rate limit exceeded: retry after ${retryAfterSeconds} s`,
  headers: { "retry-after": String(retryAfterSeconds) },
  extensions: { retryAfter: retryAfterSeconds },
});

/**
 * Whether an operation may run, the same for every transport: the caller's rate limit, then
 * persisted ids to documents (API clients held to their published ones), then, where the transport
 * executes the document itself, the limits. The first refusal refuses the whole request.
 */
export async function admitOperation(deps: AdmissionDeps, request: OperationRequest): Promise<Admission> {
  const { identity, operations } = request;
  const rate = await deps.rateLimiter.check(identity, request.clientAddress, operations.length);
  if (!rate.allowed) return { ok: false, refusal: rateLimited(rate.retryAfterSeconds) };
  const admitted: unknown[] = [];
  const documents: DocumentNode[] = [];
  for (const operation of operations) {
    if (!isRequest(operation)) {
      admitted.push(operation);
      continue;
    }
    const resolution = await resolveOperation(operation, identity, deps.persisted);
    if (!resolution.ok) return resolution;
    admitted.push(resolution.request);
    if (!request.schema) continue;
    const document = admitDocument(request.schema, resolution.request, deps.limits);
    if (!document.ok) return document;
    documents.push(document.document);
  }
  return { ok: true, operations: admitted, documents };
}
