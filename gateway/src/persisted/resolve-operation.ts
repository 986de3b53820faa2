import { createHash } from "node:crypto";
import type { Identity } from "@atelier/internal-auth";
import { delegationOf } from "@atelier/internal-auth";
import type { ApqStore } from "./apq-store";
import type { OperationRegistry } from "./operation-registry";
import { hashMismatch, notAllowed, notFound, type Refusal } from "./persisted-errors";

/** Set on a request resolved from the registry, for usage recording; never trusted from the client. */
export const OPERATION_ID_EXTENSION = "atelierPersistedOperationId";

export type GraphQLRequestBody = Record<string, unknown>;
export type Resolution = { ok: true; request: GraphQLRequestBody } | { ok: false; refusal: Refusal };

export interface ResolveDeps {
  apq: ApqStore;
  registry: OperationRegistry;
  requireIds: boolean;
}

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Turns an operation named by id (`documentId` or `extensions.persistedQuery.sha256Hash`) into its
 * document, or refuses it. API-key callers run only their clients' published operations; first-party
 * callers may also send documents (unless ids are required) and use automatic persisted queries.
 */
export async function resolveOperation(
  request: GraphQLRequestBody,
  identity: Identity,
  deps: ResolveDeps,
): Promise<Resolution> {
  const { documentId: rawDocumentId, ...rest } = request;
  const extensions = { ...asRecord(request.extensions) };
  const persistedQuery = asRecord(extensions.persistedQuery);
  delete extensions.persistedQuery;
  delete extensions[OPERATION_ID_EXTENSION];
  const hash = typeof persistedQuery?.sha256Hash === "string" ? persistedQuery.sha256Hash : undefined;
  const id = typeof rawDocumentId === "string" && rawDocumentId ? rawDocumentId : hash;
  const query = typeof request.query === "string" && request.query !== "" ? request.query : undefined;
  const plain: GraphQLRequestBody = { ...rest, extensions };
  const fromRegistry = (document: string): Resolution => ({
    ok: true,
    request: { ...plain, query: document, extensions: { ...extensions, [OPERATION_ID_EXTENSION]: id } },
  });

  // A service's delegation sends its own documents; the gateway holds it to the root fields it named.
  if (delegationOf(identity) && query) {
    return { ok: true, request: plain };
  }
  if (identity.kind === "apiClient") {
    if (query) return refuse(notAllowed("API clients may run only published operations: send its id, not a document"));
    if (!id) return { ok: true, request: plain };
    const found = await deps.registry.lookup(id, { apiClientId: identity.apiClientId });
    return found ? fromRegistry(found.document) : refuse(notFound());
  }

  // Anonymous callers reach only the public fields (sign-in and the like) and have no tenant registry.
  const requireIds = deps.requireIds && identity.kind === "user";
  if (query) {
    if (requireIds) return refuse(notAllowed("this deployment runs persisted operations only: send an id"));
    if (hash) {
      if (sha256Hex(query) !== hash.toLowerCase()) return refuse(hashMismatch());
      await deps.apq.set(hash.toLowerCase(), query);
    }
    return { ok: true, request: plain };
  }
  if (!id) return { ok: true, request: plain };
  if (hash && !requireIds) {
    const cached = await deps.apq.get(hash.toLowerCase());
    if (cached !== undefined) return { ok: true, request: { ...plain, query: cached } };
  }
  const tenantId = identity.kind === "user" ? identity.tenantId : null;
  const found = tenantId ? await deps.registry.lookup(id, { tenantId }) : null;
  return found ? fromRegistry(found.document) : refuse(notFound());
}

const refuse = (refusal: Refusal): Resolution => ({ ok: false, refusal });
