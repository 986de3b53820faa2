import { percentile, type RoundResult } from "../load-round";

export interface GatewayTotals {
  name: string;
  url: string;
  pid: number;
  rounds: RoundResult[];
  /** Gateway CPU seconds over the measured rounds. */
  cpu: number;
  /** Subgraph calls one operation makes. */
  fetchesPerOperation: number;
  peakRssMiB?: number | null;
}

interface Row {
  name: string;
  rps: number;
  perCpuSecond: number;
  p50: number;
  p95: number;
  p99: number;
  rss: number | null;
  fetchesPerOperation: number;
  errors: number;
  mismatches: number;
}

function row(g: GatewayTotals): Row {
  const requests = g.rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = g.rounds.reduce((n, r) => n + r.seconds, 0);
  const latencies = g.rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    name: g.name,
    rps: requests / seconds,
    perCpuSecond: g.cpu > 0 ? requests / g.cpu : Number.NaN,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rss: g.peakRssMiB ?? null,
    fetchesPerOperation: g.fetchesPerOperation,
    errors: g.rounds.reduce((n, r) => n + r.errors, 0),
    mismatches: g.rounds.reduce((n, r) => n + r.mismatches, 0),
  };
}

/** The table the issue asks for, then ours against the plain gateway (the first) and the bar. */
export function printSummary(
  totals: GatewayTotals[],
  run: { connections: number; seconds: number; rounds: number; warmupSeconds: number },
): void {
  const rows = totals.map(row);
  console.log(
    `\n${run.connections} connections, ${run.rounds} interleaved rounds of ${run.seconds} s (after ${run.warmupSeconds} s warm-up) per gateway\n`,
  );
  console.log(
    "gateway                          req/s  p50 ms  p95 ms  p99 ms  req/CPU-s  peak RSS MiB  fetches/op  errors  mismatches",
  );
  const fixed = (v: number, digits = 1, width = 7) => v.toFixed(digits).padStart(width);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(30)} ${fixed(r.rps, 0)} ${fixed(r.p50)} ${fixed(r.p95)} ${fixed(r.p99)} ${fixed(r.perCpuSecond, 0, 10)} ${r.rss === null ? "n/a".padStart(13) : fixed(r.rss, 0, 13)} ${fixed(r.fetchesPerOperation, 0, 11)} ${String(r.errors).padStart(7)} ${String(r.mismatches).padStart(11)}`,
    );
  }
  const [plain, ...others] = rows;
  if (!plain) return;
  for (const r of others) {
    if (!(plain.perCpuSecond > 0) || !(r.perCpuSecond > 0)) {
      console.log(`\n${r.name}: too few requests completed to compare (machine overloaded?); raise BENCH_SECONDS`);
      continue;
    }
    const perCpu = r.perCpuSecond / plain.perCpuSecond;
    console.log(
      `\n${r.name} / ${plain.name}: ${(r.rps / plain.rps).toFixed(2)}× req/s, ${perCpu.toFixed(2)}× requests per gateway CPU-second`,
    );
    console.log(
      `bar: ≥ 3.0× per CPU-second ${perCpu >= 3 ? "met" : "NOT met"}; ≤ 200 MiB peak RSS ${r.rss !== null && r.rss <= 200 ? "met" : "NOT met"}`,
    );
  }
}
