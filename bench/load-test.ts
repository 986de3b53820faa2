import autocannon from "autocannon";

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Warms up, then loads one endpoint; latencies are collected per response for p95 (autocannon lacks it). */
export async function loadTest(opts: {
  name: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}): Promise<LoadResult> {
  const request = {
    url: opts.url,
    method: "POST",
    headers: opts.headers,
    body: opts.body,
    connections: opts.connections,
  };
  await autocannon({ ...request, duration: opts.warmupSeconds });
  const latencies: number[] = [];
  const instance = autocannon({ ...request, duration: opts.seconds });
  (instance as unknown as NodeJS.EventEmitter).on(
    "response",
    (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    },
  );
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    name: opts.name,
    requestsPerSecond: result.requests.total / opts.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.non2xx + result.timeouts,
  };
}
