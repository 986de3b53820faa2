import type { SignedViewers } from "./internal-token";

/**
 * One subgraph request read for many viewers at once: the gateway's catch-up reads wake a
 * thousand subscribers of one stream together, and the viewer-dependent part of what they read is
 * the same operation with the same variables, differing only in who asks. Sent as one request
 * carrying each viewer's gateway-signed identity, the subgraph runs it once per identity (each with
 * its own context, as a request of its own would) and answers every result in order.
 *
 * Marked by this header; the body is `{"viewers": {identities, token}, "request": {query, variables,
 * …}}`, where `viewers` is the gateway's one signature over the viewers' identities in order
 * (`InternalTokenSigner.signViewers`), and the answer `{"results": [{data, errors}, …]}`, one per
 * viewer in that order. One signature per request, not one per viewer: signing and verifying a
 * thousand identities' tokens cost more than reading for them.
 */
export const PER_VIEWER_HEADER = "x-atelier-per-viewer";

/** The most viewers one request may carry; the gateway sends fewer per request, so answers stream back. */
export const MAX_VIEWERS_PER_REQUEST = 500;

export interface PerViewerRequest {
  viewers: SignedViewers;
  request: { query: string; variables?: Record<string, unknown>; operationName?: string };
}

export interface PerViewerResult {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

export interface PerViewerResponse {
  results: PerViewerResult[];
}
