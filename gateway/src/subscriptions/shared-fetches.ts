import type { SubgraphCall, SubgraphClient } from "../federation/fast-path/subgraph-client";

type Data = Record<string, unknown>;

interface InFlight {
  answer: Promise<Data>;
  consumers: number;
}

/** Whether a subgraph operation's answer may differ between viewers alike in tenant, role and scopes. */
export type FetchDependence = (subgraphOperation: string) => boolean;

function operationOf(body: string): string {
  const parsed = JSON.parse(body) as { query?: unknown };
  return typeof parsed.query === "string" ? parsed.query : body;
}

/**
 * Subgraph calls shared between the catch-up reads woken together: a fetch selecting nothing
 * viewer-dependent is made once for every viewer alike in tenant, role and scopes (same subgraph,
 * same body: same answer); a viewer-dependent one once per identity. Only calls in flight are
 * shared, never a past answer. Each reader gets its own copy, since the plan executor merges later
 * fetches into it: one viewer's fields never land in an object another viewer holds.
 */
export function createSharedFetches(client: SubgraphClient, dependent: FetchDependence) {
  const inFlight = new Map<string, InFlight>();
  const dependence = new Map<string, boolean>();

  function isDependent(body: string): boolean {
    let operation: string;
    try {
      operation = operationOf(body);
    } catch {
      return true;
    }
    let answer = dependence.get(operation);
    if (answer === undefined) {
      answer = dependent(operation);
      if (dependence.size > 1_000) dependence.clear();
      dependence.set(operation, answer);
    }
    return answer;
  }

  function share(key: string, call: SubgraphCall): Promise<Data> {
    let entry = inFlight.get(key);
    if (!entry) {
      // No reader's cancellation may abort a call other readers wait for.
      const answer = client.fetchData({ ...call, signal: undefined }).finally(() => inFlight.delete(key));
      entry = { answer, consumers: 0 };
      inFlight.set(key, entry);
    }
    const joined = entry;
    joined.consumers++;
    // Readers are all known once the answer is in (the entry is gone by then): a lone reader keeps it.
    return joined.answer.then((data) => (joined.consumers === 1 ? data : (JSON.parse(JSON.stringify(data)) as Data)));
  }

  return {
    /** The subgraph client for one reader: `group` names its tenant, role and scopes, `viewer` its identity. */
    forReader(group: string, viewer: string): SubgraphClient {
      return {
        fetchData(call) {
          const owner = isDependent(call.body) ? `viewer ${viewer}` : `group ${group}`;
          return share(`${owner}\n${call.url}\n${call.body}`, call);
        },
        close: () => Promise.resolve(),
      };
    },
  };
}
