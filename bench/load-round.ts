import autocannon from "autocannon";

export interface RoundResult {
  requests: number;
  seconds: number;
  /** Every response's latency in ms, for percentiles. */
  latencies: number[];
  /** Non-2xx, socket errors, timeouts. */
  errors: number;
  /** 2xx responses whose body was not byte-identical to the reference answer. */
  mismatches: number;
}

export interface Target {
  url: string;
  headers: Record<string, string>;
  body: string;
  expectBody: string;
}

/** Loads one endpoint for `seconds`, checking every response body against the reference. */
export async function loadRound(target: Target, connections: number, seconds: number): Promise<RoundResult> {
  const latencies: number[] = [];
  const instance = autocannon({ ...target, method: "POST", connections, duration: seconds });
  (instance as unknown as NodeJS.EventEmitter).on(
    "response",
    (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    },
  );
  const result = await instance;
  return {
    requests: result.requests.total,
    seconds,
    latencies,
    errors: result.errors + result.non2xx + result.timeouts,
    mismatches: result.mismatches,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
