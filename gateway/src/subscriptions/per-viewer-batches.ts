import {
  IDENTITY_HEADER,
  type Identity,
  type InternalTokenSigner,
  PER_VIEWER_HEADER,
  type PerViewerResult,
} from "@atelier/internal-auth";
import { Bail } from "../federation/fast-path/bail";
import type { SubgraphCall, SubgraphTransport } from "../federation/fast-path/subgraph-client";

type Data = Record<string, unknown>;

interface Waiting {
  call: SubgraphCall;
  identity: Identity;
  resolve(data: Data): void;
  reject(error: unknown): void;
}

/** Viewers per request: the first answers come back and are delivered while the subgraph reads the next. */
const VIEWERS_PER_REQUEST = 100;
/**
 * Per-viewer requests in flight per subgraph. Sent all at once, a subgraph works on them together and
 * answers them all at the end; two at a time, the gateway delivers one while the subgraph reads the next.
 */
const REQUESTS_IN_FLIGHT = 2;
/** A subgraph that answers a per-viewer request as a stranger would is asked one viewer at a time this long. */
const NOT_UNDERSTOOD_FOR_MS = 5 * 60_000;
// What a subgraph without per-viewer requests answers one: a body without `query`, no identity header.
const NOT_UNDERSTOOD = new Set([400, 401, 404, 405, 413, 415]);

const isData = (value: unknown): value is Data => typeof value === "object" && value !== null && !Array.isArray(value);

function resultsOf(text: string, expected: number): PerViewerResult[] {
  let parsed: { results?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Bail("subgraph's per-viewer answer is not JSON");
  }
  if (!Array.isArray(parsed.results) || parsed.results.length !== expected)
    throw new Bail("subgraph's per-viewer answer does not hold one result per viewer");
  return parsed.results as PerViewerResult[];
}

/**
 * Viewer-dependent subgraph calls made in one turn of the event loop for different viewers, with the
 * same subgraph and body, go as one per-viewer request (see @atelier/internal-auth's per-viewer.ts):
 * the subgraph still runs the operation once per identity, but a thousand readers woken by one event
 * cost ten HTTP requests, not a thousand. Each viewer's answer is its own; an error in one is a Bail
 * for that reader alone. A subgraph that does not take per-viewer requests is asked per viewer.
 */
export function createPerViewerBatches(transport: SubgraphTransport, signer: InternalTokenSigner) {
  const pending = new Map<string, Waiting[]>();
  const notUnderstoodUntil = new Map<string, number>();
  const queues = new Map<string, { chunks: Waiting[][]; inFlight: number }>();
  const notUnderstood = (url: string) => (notUnderstoodUntil.get(url) ?? 0) > Date.now();

  function pump(url: string) {
    const queue = queues.get(url);
    if (!queue) return;
    while (queue.inFlight < REQUESTS_IN_FLIGHT && queue.chunks.length > 0) {
      queue.inFlight++;
      // The next request goes out as soon as this one is answered, before its readers are delivered to.
      send(queue.chunks.shift()!, () => {
        queue.inFlight--;
        if (queue.inFlight === 0 && queue.chunks.length === 0) queues.delete(url);
        else pump(url);
      });
    }
  }

  async function single({ call, identity }: Pick<Waiting, "call" | "identity">): Promise<Data> {
    const token = await signer.sign(identity);
    return transport.fetchData({ ...call, headers: { ...call.headers, [IDENTITY_HEADER]: token } });
  }

  /** Settles every waiter, never rejects; `answered` is called once, when the subgraph has answered or failed. */
  async function send(waiting: Waiting[], answered: () => void): Promise<void> {
    const first = waiting[0]!.call;
    let results: PerViewerResult[];
    try {
      const answer = await signer
        .signViewers(waiting.map((w) => w.identity))
        .then((viewers) =>
          transport.post({
            ...first,
            headers: { ...first.headers, [PER_VIEWER_HEADER]: "1" },
            body: `{"viewers":${JSON.stringify(viewers)},"request":${first.body}}`,
          }),
        )
        .finally(answered);
      if (NOT_UNDERSTOOD.has(answer.statusCode)) {
        notUnderstoodUntil.set(first.url, Date.now() + NOT_UNDERSTOOD_FOR_MS);
        for (const w of waiting) single(w).then(w.resolve, w.reject);
        return;
      }
      if (answer.statusCode !== 200) throw new Bail(`subgraph answered ${answer.statusCode}`);
      if (answer.cacheHint) throw new Bail("subgraph sent cache-control");
      results = resultsOf(answer.text, waiting.length);
    } catch (error) {
      for (const w of waiting) w.reject(error);
      return;
    }
    waiting.forEach((w, i) => {
      const result = results[i]!;
      if (result.errors === undefined && isData(result.data)) w.resolve(result.data);
      else w.reject(new Bail("subgraph answered errors or no data"));
    });
  }

  /** Viewers waiting on one call: alone, it is made as that viewer; else in per-viewer requests, in turn. */
  function dispatch(waiting: Waiting[]) {
    if (waiting.length === 1) {
      const [only] = waiting as [Waiting];
      single(only).then(only.resolve, only.reject);
      return;
    }
    const url = waiting[0]!.call.url;
    const queue = queues.get(url) ?? { chunks: [], inFlight: 0 };
    queues.set(url, queue);
    for (let i = 0; i < waiting.length; i += VIEWERS_PER_REQUEST)
      queue.chunks.push(waiting.slice(i, i + VIEWERS_PER_REQUEST));
    pump(url);
  }

  function flush() {
    const groups = [...pending.values()];
    pending.clear();
    for (const waiting of groups) dispatch(waiting);
  }

  return {
    /** `call` (without an identity header) made once per identity, in per-viewer requests: each one's answer. */
    fetchForViewers(call: SubgraphCall, identities: readonly Identity[]): Promise<Data>[] {
      const waiting: Waiting[] = [];
      const answers = identities.map(
        (identity) => new Promise<Data>((resolve, reject) => waiting.push({ call, identity, resolve, reject })),
      );
      if (notUnderstood(call.url)) for (const w of waiting) single(w).then(w.resolve, w.reject);
      else dispatch(waiting);
      return answers;
    },
    /** `call` (without an identity header) made as `identity`, with the other viewers woken in this turn. */
    fetchFor(call: SubgraphCall, identity: Identity): Promise<Data> {
      if (notUnderstood(call.url)) return single({ call, identity });
      return new Promise<Data>((resolve, reject) => {
        const key = `${call.url}\n${call.body}`;
        const waiting = pending.get(key);
        if (waiting) return void waiting.push({ call, identity, resolve, reject });
        if (pending.size === 0) setImmediate(flush);
        pending.set(key, [{ call, identity, resolve, reject }]);
      });
    },
  };
}
