import { IDENTITY_HEADER, type InternalTokenSigner } from "@atelier/internal-auth";
import type { SubgraphClient, SubgraphTransport } from "../federation/fast-path/subgraph-client";
import { createPerViewerBatches } from "./per-viewer-batches";
import type { ReaderIdentity } from "./reader-identities";

type Data = Record<string, unknown>;

interface InFlight {
  answer: Promise<Data>;
  consumers: number;
  /** The answer as JSON, written once for all readers to copy from. */
  text?: string;
}

/** Whether a subgraph operation's answer may differ between viewers alike in tenant, role and scopes. */
export type FetchDependence = (subgraphOperation: string) => boolean;

const QUERY_PREFIX = '{"query":"';

/** The body's `query` as written (still JSON-escaped): bodies start with it, so no parse per call. */
function rawOperationOf(body: string): string | undefined {
  if (!body.startsWith(QUERY_PREFIX)) return undefined;
  for (let i = QUERY_PREFIX.length; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return body.slice(QUERY_PREFIX.length, i);
  }
  return undefined;
}

function operationOf(body: string): string {
  const raw = rawOperationOf(body);
  if (raw !== undefined) return JSON.parse(`"${raw}"`) as string;
  const parsed = JSON.parse(body) as { query?: unknown };
  return typeof parsed.query === "string" ? parsed.query : body;
}

/**
 * Subgraph calls shared between the catch-up reads woken together: a fetch selecting nothing
 * viewer-dependent is made once for every viewer alike in tenant, role and scopes (same subgraph,
 * same body: same answer); a viewer-dependent one once per identity, the identities woken together in
 * one per-viewer request (per-viewer-batches.ts). Only calls in flight are
 * shared, never a past answer. Each reader gets its own copy, since the plan executor merges later
 * fetches into it: one viewer's fields never land in an object another viewer holds.
 */
export function createSharedFetches(
  client: SubgraphTransport,
  signer: InternalTokenSigner,
  dependent: FetchDependence,
) {
  const perViewer = createPerViewerBatches(client, signer);
  const inFlight = new Map<string, InFlight>();
  const dependence = new Map<string, boolean>();

  function isDependent(body: string): boolean {
    const key = rawOperationOf(body) ?? body;
    let answer = dependence.get(key);
    if (answer === undefined) {
      try {
        answer = dependent(operationOf(body));
      } catch {
        answer = true;
      }
      if (dependence.size > 1_000) dependence.clear();
      dependence.set(key, answer);
    }
    return answer;
  }

  function share(key: string, call: () => Promise<Data>): Promise<Data> {
    let entry = inFlight.get(key);
    if (!entry) {
      const answer = call().finally(() => inFlight.delete(key));
      entry = { answer, consumers: 0 };
      inFlight.set(key, entry);
    }
    const joined = entry;
    joined.consumers++;
    // Readers are all known once the answer is in (the entry is gone by then): a lone reader keeps it.
    return joined.answer.then((data) => {
      if (joined.consumers === 1) return data;
      joined.text ??= JSON.stringify(data);
      return JSON.parse(joined.text) as Data;
    });
  }

  return {
    perViewer,
    /** The subgraph client for one reader: it signs as the reader only for the calls it makes itself. */
    forReader(reader: ReaderIdentity): SubgraphClient {
      return {
        fetchData(call) {
          // No reader's cancellation may abort a call other readers wait for.
          const uncancelled = { ...call, signal: undefined };
          if (!isDependent(call.body))
            return share(`group ${reader.group}\n${call.url}\n${call.body}`, async () => {
              const token = await signer.sign(reader.identity);
              return client.fetchData({ ...uncancelled, headers: { ...call.headers, [IDENTITY_HEADER]: token } });
            });
          return share(`viewer ${reader.viewer}\n${call.url}\n${call.body}`, () =>
            perViewer.fetchFor(uncancelled, reader.identity),
          );
        },
        close: () => Promise.resolve(),
      };
    },
  };
}
