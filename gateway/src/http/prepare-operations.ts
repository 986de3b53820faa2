import type { Identity } from "@atelier/internal-auth";
import { type AdmissionDeps, admitOperation } from "../admission/admit-operation";
import { requestFromSearch, searchFromRequest } from "../persisted/get-request";
import type { Refusal } from "../persisted/persisted-errors";
import type { GraphQLRequestBody } from "../persisted/resolve-operation";

/**
 * Admits a POST body (one request or a batch) or a GET query string, and gives it back with
 * persisted ids replaced by their documents, as Apollo will read it.
 */
export async function prepareRequest(
  request: { body: unknown } | { url: URL },
  caller: { identity: Identity; clientAddress: string | undefined },
  deps: AdmissionDeps,
): Promise<{ ok: true; body: unknown; search: string } | { ok: false; refusal: Refusal }> {
  if ("body" in request) {
    const batch = Array.isArray(request.body);
    const operations: unknown[] = batch ? (request.body as unknown[]) : [request.body];
    const admission = await admitOperation(deps, { ...caller, operations });
    if (!admission.ok) return admission;
    return { ok: true, body: batch ? admission.operations : admission.operations[0], search: "" };
  }
  const operations = [requestFromSearch(request.url.searchParams)];
  const admission = await admitOperation(deps, { ...caller, operations });
  if (!admission.ok) return admission;
  return { ok: true, body: undefined, search: searchFromRequest(admission.operations[0] as GraphQLRequestBody) };
}
