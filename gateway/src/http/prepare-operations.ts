import type { Identity } from "@atelier/internal-auth";
import { requestFromSearch, searchFromRequest } from "../persisted/get-request";
import type { Refusal } from "../persisted/persisted-errors";
import { type GraphQLRequestBody, type ResolveDeps, resolveOperation } from "../persisted/resolve-operation";

export type Prepared<T> = { ok: true; body: T } | { ok: false; refusal: Refusal };

const isRequest = (value: unknown): value is GraphQLRequestBody =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Resolves persisted ids in a POST body, one request or a batch; the first refusal refuses the whole body. */
async function prepareBody(body: unknown, identity: Identity, deps: ResolveDeps): Promise<Prepared<unknown>> {
  if (Array.isArray(body)) {
    const prepared: unknown[] = [];
    for (const item of body) {
      if (!isRequest(item)) {
        prepared.push(item);
        continue;
      }
      const resolution = await resolveOperation(item, identity, deps);
      if (!resolution.ok) return resolution;
      prepared.push(resolution.request);
    }
    return { ok: true, body: prepared };
  }
  if (!isRequest(body)) return { ok: true, body };
  const resolution = await resolveOperation(body, identity, deps);
  return resolution.ok ? { ok: true, body: resolution.request } : resolution;
}

/** A POST body or GET query string with persisted ids replaced by their documents, as Apollo will read it. */
export async function prepareRequest(
  request: { body: unknown } | { url: URL },
  identity: Identity,
  deps: ResolveDeps,
): Promise<{ ok: true; body: unknown; search: string } | { ok: false; refusal: Refusal }> {
  if ("body" in request) {
    const prepared = await prepareBody(request.body, identity, deps);
    return prepared.ok ? { ok: true, body: prepared.body, search: "" } : prepared;
  }
  if (!request.url.search) return { ok: true, body: undefined, search: "" };
  const resolution = await resolveOperation(requestFromSearch(request.url.searchParams), identity, deps);
  return resolution.ok ? { ok: true, body: undefined, search: searchFromRequest(resolution.request) } : resolution;
}
