/**
 * `npm run bench:instrumentation`: the per-request cost of the instrumentation every request pays
 * (one access-log line at info, request counter and latency histogram, a non-recording span
 * continuing traceparent with one subgraph call's child span and trace headers), in µs per
 * request, next to the same loop doing nothing (the reference, measured in the same run).
 */
import { endSpan, recordGraphQLRequest, startChildSpan, startServerSpan, traceHeaders } from "@atelier/service-runtime";
import pino from "pino";

// /dev/null costs the same serialisation and write as stdout without flooding it.
const logger = pino({ level: "info", base: { service: "bench" } }, pino.destination("/dev/null"));
const headers = { traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" };
const N = 200_000;

function microseconds(fn: () => void): number {
  for (let i = 0; i < 10_000; i++) fn();
  const started = performance.now();
  for (let i = 0; i < N; i++) fn();
  return ((performance.now() - started) * 1000) / N;
}

const parts: [string, () => void][] = [
  ["nothing (reference)", () => {}],
  ["access log line", () => logger.info({ requestId: "r", method: "POST", path: "/graphql", status: 200 }, "request")],
  ["counter + histogram", () => recordGraphQLRequest("Health", "ok", 0.0012)],
  [
    "spans + trace headers",
    () => {
      const span = startServerSpan("gateway", "graphql", headers);
      const call = startChildSpan("gateway", "subgraph x", span);
      traceHeaders(call);
      call.end();
      endSpan(span);
    },
  ],
];
for (let round = 1; round <= 2; round++) {
  const line = parts.map(([name, fn]) => `${name} ${microseconds(fn).toFixed(2)} µs`).join(", ");
  console.log(`round ${round}: ${line}`);
}
