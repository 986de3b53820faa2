import { createHash } from "node:crypto";
import { ApolloClient, type ApolloLink, HttpLink, InMemoryCache } from "@apollo/client/core";
import { createPersistedQueryLink } from "@apollo/client/link/persisted-queries";

export interface SentRequest {
  method: string;
  url: string;
  body: Record<string, unknown> | null;
}

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * A real Apollo Client over HTTP whose requests are recorded, behind the given persisted-query link
 * (APQ with SHA-256 by default; null sends plain documents).
 */
export function apolloClient(opts: {
  url: string;
  headers: Record<string, string>;
  persistedLink?: ApolloLink | null;
  useGETForHashedQueries?: boolean;
}) {
  const sent: SentRequest[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    sent.push({ method: init?.method ?? "GET", url: String(input), body });
    return fetch(input, init);
  };
  const persisted =
    opts.persistedLink === undefined
      ? createPersistedQueryLink({ sha256: sha256Hex, useGETForHashedQueries: opts.useGETForHashedQueries ?? false })
      : opts.persistedLink;
  const http = new HttpLink({ uri: opts.url, headers: opts.headers, fetch: recordingFetch });
  const client = new ApolloClient({
    link: persisted ? persisted.concat(http) : http,
    cache: new InMemoryCache({ addTypename: true }),
    defaultOptions: { query: { fetchPolicy: "no-cache", errorPolicy: "all" } },
  });
  return { client, sent };
}
